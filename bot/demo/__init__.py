"""The demo: the real bot against the emulator and a sample notice site, with a scripted conversation."""
