"""What a Chinese bureau's clerk reads when a ledger, the org or the config is wrong: the
same problems, at the same ``FILE:ROW: 列名:`` places, as test_ledgers.py and
test_config.py assert in English — here in Chinese, each line written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import bureaukit
from bureaukit.errors import InputError


def _problems(bureau_dir: Path, tiny: object) -> list[str]:
    """Every problem line, its file shown relative to the bureau (as a clerk in its folder sees it)."""
    with pytest.raises(InputError) as exc:
        bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny])
    return [p.replace(f"{bureau_dir}/", "") for p in exc.value.problems]


def test_bad_cells_in_chinese(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        "编号,单位,日期,类型,金额,人员,紧急\n"
        "d1,s1,2014-02-30,走访,100,p2,否\n"
        "d2,s9,2014-03-01,出差,-5,p2;pX,也许\n"
        "d1,s1,2014/3/1x,走访,一百,,\n"
        ",s1,2014-03-01,走访,,,\n",
        encoding="utf-8",
    )
    got = _problems(bureau_dir, tiny_plugin)
    f = "ledgers/deeds.csv"
    for line in (
        f'{f}:2: 日期: 日期不存在，实为 "2014-02-30"',
        f'{f}:3: 类型: 应为以下之一：visit 走访, report 报告，实为 "出差"',
        f'{f}:3: 金额: 不能为负数，实为 "-5"',
        f'{f}:3: 紧急: 应为是或否（是/否、1/0、√/×、true/false），实为 "也许"',
        f'{f}:4: 日期: 应为日期（如 2014-05-20、2014/5/20、2014年5月20日 或 20140520），实为 "2014/3/1x"',
        f'{f}:4: 金额: 应为数字，实为 "一百"',
        f"{f}:5: 编号: 必填，但单元格为空",
    ):
        assert line in got, (line, got)


def test_references_duplicates_and_headers_in_chinese(bureau_dir: Path, tiny_plugin: object) -> None:
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text("编号,单位,日期,类型,人员\nd1,s9,2014-03-01,走访,p2;pX\nd1,s1,2014-03-02,走访,\n", encoding="utf-8")
    got = _problems(bureau_dir, tiny_plugin)
    assert 'ledgers/deeds.csv:2: 单位: 未知单位 "s9"' in got
    assert 'ledgers/deeds.csv:2: 人员: 未知人员 "pX"' in "\n".join(got)
    assert 'ledgers/deeds.csv:3: 编号: 编号重复："d1"（首次出现于 ledgers/deeds.csv:2）' in got
    deeds.write_text("编号,单位,日其,类型\nd1,s1,2014-03-01,走访\n", encoding="utf-8")
    got = _problems(bureau_dir, tiny_plugin)
    assert any(p.startswith('ledgers/deeds.csv:1: 日其: 未知列（是否应为 "日期" / "date"？）；可用的列：编号 (id)')
               for p in got), got
    assert "ledgers/deeds.csv:1: 日期: 缺少必填列（表头应为 日期 或 date）" in got


def test_files_org_and_config_in_chinese(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text("", encoding="utf-8")
    assert _problems(bureau_dir, tiny_plugin) == ["ledgers/deeds.csv: 文件是空的：台账至少要有表头行"]
    (bureau_dir / "ledgers" / "deeds.csv").unlink()
    [line] = _problems(bureau_dir, tiny_plugin)
    assert line.startswith("ledgers/deeds.csv: 文件不存在（查找位置：")
    # the org: a person in a unit nobody knows, leaving before arriving
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型\n", encoding="utf-8")
    people = bureau_dir / "org" / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("p4,赵六,s2,staff,,2014-03-01,2014-06-30",
                                                                 "p4,赵六,s7,staff,,2014-07-01,2014-06-30"),
                      encoding="utf-8")
    got = _problems(bureau_dir, tiny_plugin)
    assert 'org/people.csv:5: 所在单位: 未知单位 "s7"' in got
    assert "org/people.csv:5: 离岗日期: 离岗日期（2014-06-30）早于到岗日期（2014-07-01）" in got


def test_config_problems_in_chinese(tmp_path: Path) -> None:
    from bureaukit.config import read_config

    cfg = tmp_path / "bureau.toml"
    cfg.write_text('units = "u.csv"\npeople = "p.csv"\n[bureau]\nid = "x"\nname = "某局"\nnmae = "y"\n'
                   '[campaigns]\nenabled = "investment"\n[scoring]\ngrades = [ { min = 60, label = "合格" }, '
                   '{ min = 90, label = "优秀" } ]\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_config(cfg)
    got = [p.split(": ", 1)[1] for p in exc.value.problems]
    assert 'bureau: 未知的键 "nmae"（是否应为 "name"？）；可用的键：id, name, period, language, time_progress' in got
    assert 'campaigns.enabled: 应为考核活动名称的列表，实为 "investment"' in got
    assert "scoring.grades: 等级应按 min 从高到低排列（综合得分不低于 min 的第一个等级即为所得等级）" in got
    # a TOML syntax error, where the config's language cannot be read: the locale's (a Chinese one here)
    cfg.write_text('[bureau]\nid = "x"\nname = 某局\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LC_ALL", "zh_CN.UTF-8")
        with pytest.raises(InputError) as exc:
            read_config(cfg)
    assert exc.value.problems == [f"{cfg}:3: 第 8 列: TOML 语法错误：无效的值（文本要加引号）"]


def test_period_and_as_of_in_chinese() -> None:
    from bureaukit.messages import speaking
    from bureaukit.periods import PeriodError, parse_period

    with speaking("zh"), pytest.raises(PeriodError) as exc:
        parse_period("2014-13")
    assert str(exc.value) == '"2014-13"：没有第 13 月'
    with speaking("zh"), pytest.raises(PeriodError) as exc:
        parse_period("2014-07-01..2014-06-30")
    assert str(exc.value) == '"2014-07-01..2014-06-30"：范围的结束早于开始'
    with speaking("en"), pytest.raises(PeriodError) as exc:
        parse_period("2014-13")
    assert str(exc.value) == '"2014-13": month 13 does not exist'
