# -c program that raises: the traceback names File "<string>" and shows no source line.
