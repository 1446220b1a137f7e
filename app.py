"""Streamlit front end: ``streamlit run app.py``."""

import streamlit as st

st.set_page_config(page_title="SWOT / ANP", layout="wide")
st.title("SWOT / ANP")
