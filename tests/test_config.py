"""The config file: measure, theme, keymap; a bad file is reported, never fatal."""

from reader.config import DEFAULT_MEASURE, load_config


def test_missing_file_gives_defaults(tmp_path):
    config = load_config(tmp_path / "none.toml")
    assert config.measure == DEFAULT_MEASURE and config.keymap == {} and config.problems == []


def test_keymap_and_measure_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[reader]\nmeasure = 66\ntheme = "nord"\n[keymap]\n"app.next_article" = "ctrl+n"\n'
    )
    config = load_config(path)
    assert (config.measure, config.theme) == (66, "nord")
    assert config.keymap == {"app.next_article": "ctrl+n"}


def test_broken_toml_is_reported_and_defaults_apply(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[reader\nmeasure = ")
    config = load_config(path)
    assert config.measure == DEFAULT_MEASURE
    assert len(config.problems) == 1 and "was not used" in config.problems[0]


def test_bad_values_are_reported_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[reader]\nmeasure = 5\n[keymap]\n"app.quit" = 3\n')
    config = load_config(path)
    assert config.measure == DEFAULT_MEASURE
    assert len(config.problems) == 2


def test_unknown_sections_and_settings_are_named_with_their_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[reader]\nmeasure = 70\nthme = "nord"\n\n[readr]\nmeasure = 60\n')
    config = load_config(path)
    assert config.measure == 70
    assert "config.toml line 5: unknown section [readr]" in config.problems[0]
    assert "config.toml line 3: unknown setting 'thme' in [reader]" in config.problems[1]


async def test_keymap_mistakes_are_reported_once_each_at_start(tmp_path, locations, corpus):
    from tests.conftest import make_app, notices, wait_for_article

    path = tmp_path / "config.toml"
    path.write_text(
        "[keymap]\n"
        '"reader.dwon" = "ctrl+d"\n'  # line 2: a typo
        '"reader.down" = "j,down,n"\n'  # line 3: n is the next search match
        '"reader.up" = "k,up,e"\n'  # line 4: e opens the entity panel everywhere else
    )
    app = make_app([corpus], locations, load_config(path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        messages = sorted(n for n in notices(app) if n.startswith("Config"))
    assert len(messages) == 3
    assert "line 2: unknown binding id 'reader.dwon' (did you mean 'reader.down'?)" in (messages[0])
    assert "line 3: 'n' is bound to both" in messages[1] and "reader.next_match" in messages[1]
    assert "line 4: 'e' is bound to both 'app.entities' and 'reader.up'" in messages[2]


async def test_the_readme_keymap_example_is_clean(tmp_path, locations, corpus):
    import re

    from tests.conftest import REPO, make_app, notices, wait_for_article

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.DOTALL).group(1)
    path = tmp_path / "config.toml"
    path.write_text(example)
    config = load_config(path)
    assert config.problems == []
    app = make_app([corpus], locations, config)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        assert not [n for n in notices(app) if n.startswith("Config")]


def test_a_config_file_starting_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes("\ufeff[reader]\nmeasure = 60\n".encode())
    config = load_config(path)
    assert config.problems == [] and config.measure == 60
