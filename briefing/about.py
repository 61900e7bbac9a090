"""The package's version, in a module of its own: the root package imports the public API,
so a lower layer that names the version (the web reader's User-Agent) reads it here."""

__version__ = "0.1.0"
