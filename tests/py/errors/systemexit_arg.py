# SystemExit with a non-int, non-str argument prints its str and exits 1.
raise SystemExit([1, 2])
