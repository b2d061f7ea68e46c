"""A real JupyterHub on this machine, for the classroom test (tests/test_hub.py) and its benchmark."""
