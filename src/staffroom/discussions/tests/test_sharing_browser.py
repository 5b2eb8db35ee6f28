"""The pages of files, moving and sharing in a real Chromium: no serious or critical
axe-core finding, and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else."""

from pathlib import Path

import pytest
from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.discussions import attachments, sharing
from staffroom.discussions.tests.attaching import attached_thread, png_bytes, upload
from staffroom.discussions.tests.factories import reply, thread

__all__ = ["browser"]  # a fixture


def fill(world) -> dict:
    made = attached_thread(
        world,
        title="Our new bell schedule",
        body="The block schedule we start in the fall, and the room map.",
        files=[upload("bell schedule.pdf"), upload("room map.png", png_bytes(320, 200))],
    )
    answer = reply(world, made, body="Thanks! Ours is close to this.")
    attachments.reply_revise(
        actor=world.facilitator, access=world.access(world.facilitator), reply=answer,
        body=answer.body, files=[upload("our schedule.pdf")],
    )  # fmt: skip
    elsewhere = thread(world, world.private, title="Check-in circles for grief")
    sharing.thread_share(
        actor=world.member, access=community_access_for(world.member, world.private),
        thread=elsewhere, destination=world.public, note="Useful beyond counseling.",
    )  # fmt: skip
    return {"thread": made}


def pages(world, made) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"discussions:{name}", args=["open-science", *args])

    one = made["thread"].public_id
    return [
        ("thread with files (signed out)", None, url("thread_detail", one)),
        ("thread with files", world.member, url("thread_detail", one)),
        ("edit thread with files", world.member, url("thread_edit", one)),
        ("share a thread", world.member, url("thread_share", one)),
        ("threads with a share", world.member, url("thread_list")),
        ("shared here", world.member, url("share_list")),
        ("thread (facilitator)", world.facilitator, url("thread_detail", one)),
        ("move a thread", world.facilitator, url("thread_move", one)),
    ]


@pytest.mark.browser
def test_file_and_share_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "discussion-sharing"
    order = {None: 0, world.member: 1, world.facilitator: 2}
    check_pages(browser, live_server.url, folder, pages(world, made), order).assert_clean()
