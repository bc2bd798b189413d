"""marsad's HTTP API (FastAPI) and the dashboard it serves."""
