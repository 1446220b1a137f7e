"""The SWOT domain on top of :mod:`anp`: models, model files, analysis, exports, command line."""
