"""The app's pages, one thin module each that renders (``app.py`` lists them); shared pieces
are in :mod:`ui`. No page imports another."""
