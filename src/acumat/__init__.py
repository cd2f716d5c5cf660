"""acumat: a self-care companion for back spasms and acupressure mats."""

__version__ = "0.1.0"
