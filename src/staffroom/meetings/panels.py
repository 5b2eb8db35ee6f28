"""The session page is assembled from panels, one per area (registration, attendance,
presenters, feedback...), so each area keeps its own template and reads.

An area registers ``provider(request, access, session) -> dict | None`` with
``@panels.register(order=N, template=...)``; the session page renders
``panels.panels_for(request, access, session)``. The presenters panel shows a session's
case slots; the cases part fills them with a panel of its own (meetings never imports
cases)."""

from staffroom.core.sections import Sections

session_panels = Sections("session page")
register = session_panels.register
panels_for = session_panels.render_for
