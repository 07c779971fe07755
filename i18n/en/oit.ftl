# oit
