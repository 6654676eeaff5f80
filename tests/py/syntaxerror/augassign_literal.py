# Augmented assignment to a literal.
"text" += "more"
