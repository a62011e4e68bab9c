"""arclean inside other tools' pipelines.

- :mod:`arclean.integrations.datatrove`: :class:`ArcleanFormatter`, a datatrove
  pipeline step (install ``arclean[datatrove]``).

Nothing here is imported by ``import arclean``: each integration imports its
library only when it is used.
"""
