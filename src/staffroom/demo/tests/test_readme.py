from pathlib import Path

from staffroom.demo.loader import DEMO_SIGN_INS

README = Path(__file__).resolve().parents[4] / "README.md"


def test_readme_lists_every_demo_sign_in_and_the_two_commands():
    text = README.read_text()
    assert "uv run staffroom demo" in text
    assert "uv run pytest" in text
    for email, _role in DEMO_SIGN_INS:
        assert f"`{email}`" in text, f"{email} is missing from the README's sign-in table"
