import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/c/open-science/discussions/%00/", "/surveys/ab%00cd/"])
def test_a_path_with_a_nul_character_is_a_404_not_a_server_error(client, world, path):
    client.force_login(world.member)
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
