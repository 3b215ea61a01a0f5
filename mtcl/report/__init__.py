"""Reports: the plain data a report shows (``context``) and its rendering (``render``)."""
