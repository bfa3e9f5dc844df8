"""The write side: documents in, passages and attributed quotes out, into a Whoosh index.

Never imports Flask.
"""
