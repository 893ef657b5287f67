"""resume-audit: find what does not add up in a resume, with the line that says it."""

__version__ = "0.1.0"
