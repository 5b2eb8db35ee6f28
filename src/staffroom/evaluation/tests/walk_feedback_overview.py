"""The session feedback overview and its downloads in the access walk (joined to
``walk.CASES``): those who manage the community's surveys (its facilitators, the hub's
staff) read them; a member is refused (403) and anyone who may not read the community
gets a 404, as on the community's survey list."""

from staffroom.walk import RUN_COMMUNITY, scoped

CASES = [
    *scoped("evaluation:feedback_overview", **RUN_COMMUNITY),
    *scoped("evaluation:feedback_answers_csv", **RUN_COMMUNITY),
    *scoped("evaluation:feedback_dictionary_csv", **RUN_COMMUNITY),
]
