// Preloaded before the command (not a test): sets up process.stdin and pauses it, which
// leaves a pipe on fd 0 non-blocking, as some parents hand it over.
process.stdin.pause();
