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
