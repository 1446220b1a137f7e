"""Streamlit user interface of the SWOT/ANP tool: state, strings, charts, editors and pages.

Only this package and ``app.py`` import Streamlit; the numerics live in :mod:`swot` and
:mod:`anp`.
"""
