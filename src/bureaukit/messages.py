"""What bureaukit itself says to a clerk, in one language per run (REPORTS §2).

A message is a key with a Chinese and an English text (``str.format`` fields):

    from bureaukit.messages import t
    click.echo(t("wrote", path=out, fmt="html"))

The language of a run: ``--lang``, else ``[bureau] language``, else a ``zh_*`` locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. The CLI sets it with
:func:`set_language` as soon as it knows; library code that builds a message reads
:func:`language`. The problem shape ``FILE:ROW: 列名: 消息`` is the same in both.

Kept free of imports: ``import bureaukit`` stays cheap.
"""

from __future__ import annotations

import os
from contextvars import ContextVar, Token

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "wrote": ("已写入 {path}（{fmt}）", "wrote {path} ({fmt})"),
    "wrote_file": ("已写入 {path}", "wrote {path}"),
    "more_problems": ("……另有 {more} 个问题（共 {total} 个）", "... and {more} more problems ({total} in all)"),
    "error": ("错误：{text}", "error: {text}"),
    "debug_hint": ("（加 --debug 运行可看到调用栈）", "(run with --debug for the traceback)"),
    "interrupted": ("已中断", "interrupted"),
    "internal_error": ("内部错误：{text}", "internal error: {text}"),
    "bug_hint": (
        "（这是 bureaukit 的缺陷；加 --debug 运行可看到调用栈）",
        "(this is a bug in bureaukit; run with --debug for the traceback)",
    ),
    "note": ("注意：{text}", "note: {text}"),
    "warning": ("警告：{text}", "warning: {text}"),
    "reading": ("读取台账 … {rows:,} 行", "reading ledgers … {rows:,} rows"),
    "check_ok": (
        "检查通过：{units} 个单位，{people} 名人员，{records} 条台账记录；考核活动：{campaigns}",
        "OK: {units} units, {people} people, {records} ledger records; campaigns: {campaigns}",
    ),
    "none": ("无", "none"),
    "no_rows": (
        "考核期 {period}（{start} 至 {end}）内没有任何台账记录：得分只反映尚未登记的情况",
        "period {period} ({start}..{end}) holds no ledger rows: the scores only show that nothing is recorded yet",
    ),
    "no_rows_campaign": (
        "{campaign}：考核期内没有台账记录",
        "{campaign}: no ledger rows in the period",
    ),
    "binary_format": (
        "--format {fmt} 为二进制格式：请用 -o 文件{suffix} 写入文件",
        "--format {fmt} is binary: give -o FILE{suffix}",
    ),
    "cannot_write": ("{path}：无法写入报告：{reason}", "{path}: cannot write the report: {reason}"),
    "unknown_format": ('--format：未知格式"{fmt}"；可用：{known}', '--format: unknown format "{fmt}"; known: {known}'),
    "format_suffix": (
        "-o {path}：{fmt} 报告应写入 {suffixes} 文件",
        "-o {path}: a {fmt} report is written to a {suffixes} file",
    ),
    "as_of_form": (
        '--as-of：应为日期（如 2014-06-30、2014/6/30、2014年6月30日），实为"{value}"',
        '--as-of: expected a date (2014-06-30, 2014/6/30, 2014年6月30日), got "{value}"',
    ),
    "as_of_outside": (
        "--as-of：{date} 不在考核期 {period}（{start} 至 {end}）内",
        "--as-of: {date} lies outside period {period} ({start}..{end})",
    ),
    "campaign_not_enabled": (
        '--campaign："{name}" 未启用；已启用：{enabled}',
        '--campaign: "{name}" is not enabled; enabled: {enabled}',
    ),
    "init_next": ("下一步：编辑 {config}，然后运行：bureaukit check {config}",
                  "next: edit {config}, then: bureaukit check {config}"),
    "not_set_up": (
        "{config}: {path}: {campaign}尚未设置{what}，本项暂不评分",
        "{config}: {path}: {campaign} is not set up yet ({what}): nothing is scored on it",
    ),
    "init_not_empty": ("{directory}: 文件夹不是空的；init 只写入新的或空的文件夹",
                       "{directory}: the folder is not empty; init writes into a new or empty folder"),
    "init_left_out": ("注意：未包含考核活动 {text}", "note: left out campaign {text}"),
    "no_plugins": ("未安装任何考核活动插件（pip install bureaukit-investment 等）",
                   "no campaign plugins installed (pip install bureaukit-investment, …)"),
    "plugins_header": ("考核活动|发行包|版本|已启用", "campaign|distribution|version|enabled"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "not_installed": ("未安装", "NOT INSTALLED"),
    "stdout_failed": ("无法写入标准输出：{reason}", "cannot write to standard output: {reason}"),
    "unknown_suffix": (
        '无法从"{suffix}"判断报告格式{hint}；请用 --format，或以下后缀之一：{known}',
        'cannot tell the format from "{suffix}"{hint}; use --format or one of {known}',
    ),
    "no_suffix": ("无后缀", "no suffix"),
    "csv_is_zip": ("（csv 报告是每节一个 CSV 的 zip 包：-o report.zip）",
                   " (csv reports are a zip of one CSV per section: -o report.zip)"),
    "template_xlsx": ("模板是 Excel 工作簿：文件名应以 .xlsx 结尾", "a template is an Excel workbook: name it .xlsx"),
    "fed_format": (
        "联合体的结果可写为 json、html、xlsx 或 csv（-o 文件.zip），或在终端显示为表格；不支持 {what}",
        "a federation's result is written as json, html, xlsx or csv (-o FILE.zip), or shown as a table; "
        "{what} is not supported",
    ),
    "fed_missing": ("缺失成员，未计入汇总：{subjects}", "missing member(s), left out of the roll-up: {subjects}"),
    # --- the archive and the assessment year (cli_archive, bureaukit.archive) ---
    "no_archive": (
        '未配置存档：请加入 [archive] url = "sqlite:///archive.sqlite"（或设置环境变量 BUREAUKIT_ARCHIVE_URL）',
        'no archive configured; add [archive] url = "sqlite:///archive.sqlite" (or set BUREAUKIT_ARCHIVE_URL)',
    ),
    "final_unchanged": (
        "考核期 {period} 已锁定：本结果即第 {number} 次运行的结果，未改变",
        "period {period} is final: this is run {number}'s result, unchanged",
    ),
    "final_unchanged_part": (
        "考核期 {period} 已锁定：所选考核活动（{campaigns}）的结果即第 {number} 次运行中的结果，未改变",
        "period {period} is final: the chosen campaigns' results ({campaigns}) are run {number}'s, unchanged",
    ),
    "run_not_rebuilt": (
        "第 {number} 次运行：按存档的输入重新评分，结果与存档不同（插件版本可能已变）；见 bureaukit verify CONFIG {number}",
        "run {number}: scored again from its archived inputs, the result differs from the archived one "
        "(the plugins may have changed); see bureaukit verify CONFIG {number}",
    ),
    "run_report": (
        "第 {number} 次运行（{period}，截至 {as_of}，{status}）的报告：按存档的输入重新评分，与存档结果逐字节相同，"
        "不读磁盘上的台账",
        "the report of run {number} ({period}, as of {as_of}, {status}): scored again from its archived inputs, "
        "byte-identical to the archived result; the files on disk are not read",
    ),
    "run_option_alone": (
        "--run 按该次运行的考核期、时点、考核活动和语言出报告，不能与 {options} 同用",
        "--run reports the run with its own period, as-of, campaigns and language: drop {options}",
    ),
    "bureau_id_shared": (
        "{archive} 中 [bureau] id 为 {id} 的运行此前来自“{before}”，本次来自“{name}”：若是两个不同的局，请给其中一个改 "
        "[bureau] id，否则两局的运行、锁定、对比和通报混在一起；若是本局更名，可不理会",
        "in {archive}, bureau id {id} was last recorded by \"{before}\" and now by \"{name}\": if these are two "
        "bureaus, give one of them another [bureau] id, or their runs, locks, diffs and bulletins mix; if the "
        "bureau was renamed, ignore this",
    ),
    "partial_not_recorded": (
        "未存档：本次只评了部分考核活动（--campaign）",
        "not recorded in the archive: a run of some campaigns only (--campaign)",
    ),
    "run_recorded": (
        "已存档：第 {number} 次运行（{period}，截至 {as_of}），存于 {archive}",
        "recorded run {number} ({period}, as of {as_of}) in {archive}",
    ),
    "run_same": ("输入与第 {number} 次运行相同：不再重复存档", "same inputs as run {number}: not recorded again"),
    "audit_line": ("{when} {by} {action} 第 {run} 次运行", "{when} {by} {action} run {run}"),
    "audit_reason": ("{line}：{reason}", "{line}: {reason}"),
    "no_runs": ("{archive} 中尚无存档的运行", "no runs recorded yet in {archive}"),
    "no_runs_period": ("{archive} 中尚无考核期 {period} 的存档运行", "no runs recorded yet in {archive} for period {period}"),
    "after_final": ("（锁定后）", " (after final)"),
    "status_recorded": ("已记录", "recorded"),
    "status_final": ("已锁定", "final"),
    "status_superseded": ("已取代", "superseded"),
    "runs_header": ("运行|记录时间（UTC）|操作人|考核期|截至|状态|摘要",
                    "run|recorded (UTC)|by|period|as of|status|summary"),
    "summary_ranked": ("{n} 个单位排名", "{n} ranked"),
    "summary_violations": ("{n} 项违规", "{n} violation{s}"),
    "summary_money": ("{kind} {amount} 元", "{kind} {amount}"),
    "no_decisions": ("尚无决定记录", "no decisions recorded yet"),
    "audit_header": ("序号|时间（UTC）|操作人|决定|考核期|运行|理由", "#|at (UTC)|by|action|period|run|reason"),
    "action_finalise": ("锁定", "finalise"),
    "action_reopen": ("重新开启", "reopen"),
    "action_appeal_upheld": ("异议更正", "appeal upheld"),
    "action_appeal_rejected": ("异议维持", "appeal rejected"),
    "appeal_decided": ("{id} {subject}：{date} 复核决定", "{id} {subject}: decided {date}"),
    "already_final": (
        "考核期 {period} 已锁定（第 {number} 次运行）；如需更改：bureaukit reopen {config} --period {period} "
        "--by 姓名 --reason 理由",
        "period {period} is already final (run {number}); to change it: bureaukit reopen {config} --period {period} "
        "--by NAME --reason TEXT",
    ),
    "finalised": ("考核期 {period} 已锁定：第 {number} 次运行", "period {period} is final: run {number}"),
    "appeal_pending": (
        "异议 {id}（{subject}）待复核，不能锁定：请先作出复核决定（更正或维持）",
        "appeal {id} ({subject}) is pending: decide it (更正 upheld or 维持 rejected) before finalising",
    ),
    "appeals_file": ("异议台账", "appeals"),
    "no_period": ("未指定考核期：请给出 --period（如 --period 2014）", "no period: give --period (e.g. --period 2014)"),
    "reopened": (
        "考核期 {period} 已重新开启；第 {run} 次运行已被取代",
        "period {period} reopened; run {run} is superseded",
    ),
    "diff_needs_two": ("比较需要两次运行；存档中有 {n} 次", "diff needs two runs; the archive holds {n}"),
    "diff_needs_two_period": (
        "比较需要考核期 {period} 的两次运行；存档中有 {n} 次",
        "diff needs two runs of {period}; the archive holds {n}",
    ),
    "cannot_write_file": ("无法写入：{reason}", "cannot write: {reason}"),
    "verify_same": (
        "一致：第 {run} 次运行按存档的输入重新评分，结果逐字节相同",
        "OK: run {run} re-scored from its archived inputs gives the same result, byte for byte",
    ),
    "verify_different": (
        "不一致：第 {run} 次运行按存档的输入重新评分，结果不同",
        "DIFFERENT: run {run} re-scored from its archived inputs gives another result",
    ),
    "bulletin_suffix": ("通报写入 .docx、.html 或 .xlsx 文件", "a bulletin is written to a .docx, .html or .xlsx file"),
    "bulletin_needs_docx": (
        ".docx 通报需要 python-docx：pip install 'bureaukit[docx]'（或用 -o 通报.html）",
        "a .docx bulletin needs python-docx: pip install 'bureaukit[docx]' (or use -o 通报.html)",
    ),
    "bulletin_needs_xlsx": (
        ".xlsx 通报需要 openpyxl：pip install 'bureaukit[xlsx]'",
        "an .xlsx bulletin needs openpyxl: pip install 'bureaukit[xlsx]'",
    ),
    "archive_problem": ("存档 {archive}：{text}", "archive {archive}: {text}"),
    "nothing_recorded": ("；未存档任何内容（存档保持原样）", "; nothing was recorded (the archive is as it was)"),
    "archive_foreign_tables": (
        "不是 bureaukit 存档（其中已有其他表：{tables}）；请指定新文件或空数据库",
        "not a bureaukit archive (it holds other tables: {tables}); give a new file or an empty database",
    ),
    "archive_foreign": ("不是 bureaukit 存档", "not a bureaukit archive"),
    "archive_schema_unreadable": ("无法读取存档的结构版本", "its schema version is unreadable"),
    "archive_newer": (
        "由更新版本的 bureaukit 写入（存档结构版本 {version}；本版本最高支持 {known}）；请升级 bureaukit 后再用（存档未改动）",
        "written by a newer bureaukit (archive schema {version}; this bureaukit knows up to {known}); "
        "upgrade bureaukit to use it (it was not changed)",
    ),
    "archive_no_folder": ("文件夹 {folder} 不存在", "the folder {folder} does not exist"),
    "archive_is_folder": ("这是一个文件夹，不是存档文件：请在 [archive] url 中写出文件名，如 sqlite:///archive.sqlite",
                          "this is a folder, not an archive file: name a file in [archive] url, "
                          "such as sqlite:///archive.sqlite"),
    "archive_cannot_create": ("无法创建：{reason}", "cannot create it: {reason}"),
    "archive_not_sqlite": (
        "不是 bureaukit 能读取的 SQLite 数据库（文件损坏或并非存档）；文件未改动",
        "not an SQLite database bureaukit can read (a corrupt or foreign file); it was not changed",
    ),
    "archive_read_only": (
        "存档只读（请检查文件及其所在文件夹的权限）",
        "the archive is read-only (check the file's and its folder's permissions)",
    ),
    "archive_disk_full": ("磁盘已满（或文件无法增大）", "the disk is full (or the file cannot grow)"),
    "archive_busy": ("另一个 bureaukit 占用存档过久；请重试", "another bureaukit held the archive too long; try again"),
    "archive_cannot_open": ("无法打开文件（请检查路径和权限）", "cannot open the file (check the path and permissions)"),
    "archive_needs_psycopg": (
        "使用 PostgreSQL 需要 psycopg：pip install 'bureaukit[postgres]'",
        "PostgreSQL needs psycopg: pip install 'bureaukit[postgres]'",
    ),
    "pg_unreachable": ("无法连接 PostgreSQL 服务器（{text}）", "cannot reach the PostgreSQL server ({text})"),
    "pg_read_only": ("此用户对存档只有只读权限（{text}）", "the archive is read-only for this user ({text})"),
    "pg_disk_full": ("服务器磁盘已满（{text}）", "the server's disk is full ({text})"),
    "archive_unknown_url": (
        '未知的存档类型"{scheme}://…"（请用 sqlite:///文件.sqlite 或 postgresql://主机/数据库）',
        'unknown kind of archive "{scheme}://…" (use sqlite:///file.sqlite or postgresql://host/db)',
    ),
    "no_such_run": (
        "第 {number} 次运行：{archive} 中没有 [bureau] id 为 {bureau} 的这次运行（{known}）",
        "run {number}: no such run of bureau {bureau} in {archive} ({known})",
    ),
    "runs_known": ("已有第 1 至 {last} 次", "runs 1 to {last}"),
    "runs_none": ("尚无运行", "no runs yet"),
    "content_missing": ("内容 {sha} 缺失（存档已损坏）", "content {sha} is missing (the archive is damaged)"),
    "final_needs_end": (
        "第 {number} 次运行截至 {as_of}，不是考核期 {period} 的期末（{end}）：只有截至期末的运行才能锁定",
        "run {number} is as of {as_of}, not the end of period {period} ({end}): only a run as of the period's end can be final",
    ),
    "already_final_reopen": (
        "考核期 {period} 已锁定（第 {number} 次运行）；请先重新开启",
        "period {period} is already final (run {number}); reopen it first",
    ),
    "decision_by": ("--by：请写明作出决定的人（记入审计记录）",
                    "--by: name who decides (it is kept in the audit record)"),
    "reopen_reason": ("--reason：请说明重新开启的理由（记入审计记录）",
                      "--reason: say why the period is reopened (it is kept in the audit record)"),
    "not_final": ("考核期 {period} 未锁定，无需重新开启", "period {period} is not final; there is nothing to reopen"),
    "changed_while_scoring": (
        "{files}：在 bureaukit 评分期间被修改；请重新评分",
        "{files}: changed while bureaukit was scoring; score again",
    ),
    "cannot_read_file": ("无法读取：{reason}", "cannot read it: {reason}"),
    "final_inputs_changed": (
        "{head}；输入已变化：{changed}；如需更正：bureaukit reopen {config} --period {period} --by 姓名 --reason 理由；"
        "锁定时的报告：bureaukit score {config} --run {number}",
        "{head} and its inputs have changed: {changed}; to score it again: bureaukit reopen {config} --period {period} "
        "--by NAME --reason TEXT; the report as locked: bureaukit score {config} --run {number}",
    ),
    "final_head": ("考核期 {period} 已{when}锁定（第 {number} 次运行）", "period {period} is final{when} (run {number})"),
    "final_when": ("于 {date} 由 {by} ", " since {date}, by {by},"),
    "final_other_result": (
        "{head}；输入未变，但已安装的插件给出不同结果；见 bureaukit verify {config} {number}",
        "{head}: the same inputs give a different result with the installed plugins; see bureaukit verify {config} {number}",
    ),
    "rows_changed": ("{file}（{n} 行变化）", "{file} ({n} row{s} changed)"),
    "file_note": ("{file}（{note}）", "{file} ({note})"),
    # diff
    "diff_run": ("第 {number} 次运行（{period}，截至 {as_of}，{status}）", "run {number} ({period}, as of {as_of}, {status})"),
    "diff_time_progress": ("序时进度 {a} → {b}", "time progress (序时进度) {a} → {b}"),
    "diff_version": ("版本 {name}：{a} → {b}", "version {name}: {a} → {b}"),
    "diff_inputs": ("输入变化：", "inputs changed:"),
    "diff_nothing": ("结果无变化（评分卡、得分、资金、问题均相同）", "no scorecard, score, payment or finding changed"),
    "diff_section_scorecards": ("评分卡", "scorecards"),
    "diff_section_scores": ("得分", "scores"),
    "diff_section_payments": ("资金", "payments"),
    "diff_section_findings": ("问题", "findings"),
    "diff_status_appeared": ("新出现", "appeared"),
    "diff_status_disappeared": ("已消失", "disappeared"),
    "diff_rows_added": ("新增 {n} 行", "{n} added"),
    "diff_rows_removed": ("删除 {n} 行", "{n} removed"),
    "diff_rows_changed": ("修改 {n} 行", "{n} changed"),
    "diff_field_composite": ("综合得分", "composite"),
    "diff_field_grade": ("等次", "grade"),
    "diff_field_rank": ("名次", "rank"),
    "diff_field_campaigns": ("各项考核", "campaigns"),
    "diff_field_value": ("数值", "value"),
    "diff_field_target": ("目标", "target"),
    "diff_field_amount": ("金额", "amount"),
    "diff_field_message": ("说明", "message"),
    "diff_field_name": ("名称", "name"),
    "diff_field_due": ("期限", "due"),
    "diff_title": ("变化说明", "What changed"),
    "diff_inputs_title": ("输入变化", "Inputs changed"),
    "diff_results_title": ("结果变化", "Results changed"),
    "diff_nothing_short": ("结果无变化", "nothing changed"),
    "diff_columns": ("类别|项目|变化|依据", "section|item|change|because"),
    "row_added": ("新增行：{values}", "added: {values}"),
    "row_removed": ("删除行：{values}", "removed: {values}"),
    "reason_as_of": ("截至日 {a} → {b}，序时进度 {pa} → {pb}", "as of {a} → {b}, time progress {pa} → {pb}"),
    "reason_config": ("配置已修改", "the config changed"),
    "reason_ledgers": ("台账有变化，但其变化的行均未被引用：{ledgers}", "changed ledgers, none of whose changed rows it cites: {ledgers}"),
    "reason_other_inputs": ("其他输入变化：{files}", "other inputs changed: {files}"),
    "reason_same": ("同上", "as above"),
    "reason_versions": ("版本：{versions}", "versions: {versions}"),
    "reason_none": ("输入无变化", "no input changed"),
    "reason_sep": ("；", "; "),
    "rows_no_reader": ("{name}：没有读取{suffix}的读取器", "{name}: no reader for {suffix}"),
    "rows_no_suffix": ("无后缀文件", "files without a suffix"),
    "rows_not_compared": ("未逐行比较：{why}", "rows not compared: {why}"),
    "rows_columns_changed": ("列已变化：{before} → {after}", "columns changed: {before} → {after}"),
    "rows_column_n": ("第 {n} 列", "column {n}"),
    "rows_new_sheet": ("新增工作表", "a new sheet"),
    "rows_sheet_removed": ("工作表已删除", "sheet removed"),
    "rows_new_input": ("新增输入", "a new input"),
    "rows_no_longer_input": ("不再是输入", "no longer an input"),
    "selector_role_code": ('请写角色代码"{code}"，而不是 {label}', 'write the role code "{code}" for {label}'),
    "selector_unknown_role": ('未知角色"{role}"{near}；可用角色：{known}', 'unknown role "{role}"{near}; known roles: {known}'),
    "selector_no_kind": ('没有单位的类型是"{kind}"{near}；各单位的类型：{kinds}',
                         "no unit is of kind \"{kind}\"{near}; the units' kinds: {kinds}"),
    # --- staged campaigns' phases (bureaukit.phases) ---
    "unknown_phase": ('未知阶段"{cell}"；可用阶段：{known}', 'unknown phase "{cell}"; phases: {known}'),
    "not_a_step": ('"{step}" 不是阶段 {phase} 的环节；其环节为：{steps}', '"{step}" is not a step of phase {phase}; steps: {steps}'),
    "phase_bound": ("{why}（应为日期，或月-日 MM-DD；02-29 请写完整日期）",
                    "{why} (a date, or a month-day MM-DD; for 02-29 give a date)"),
    # --- explain (bureaukit.explain) ---
    "subject_ambiguous": ("{subject} 有多个对象：{hits}", "subject {subject} is ambiguous: {hits}"),
    "no_subject": ("没有单位或人员 {subject}：请给出 unit:<编号>、person:<编号>、编号或名称",
                   "no unit or person {subject}: give unit:<id>, person:<id>, an id or a name"),
    "not_installed_campaign": ('考核活动"{name}"未安装：pip install bureaukit-{name}（已安装的考核活动：{have}）',
                               'campaign "{name}" is not installed: pip install bureaukit-{name} (installed campaigns: {have})'),
    # --- role selectors (bureaukit.roles) ---
    "selector_role": ("角色", "role"),
    "selector_kind": ("单位类型", "unit kind"),
    "selector_empty": ('"{whole}" 中{what}为空；应为 角色 或 角色@单位类型[,单位类型…]',
                       'empty {what} in "{whole}"; expected ROLE or ROLE@KIND[,KIND…]'),
    "selector_bad": ('"{whole}" 中{what} "{token}" 有误；应为 角色 或 角色@单位类型[,单位类型…]',
                     'bad {what} "{token}" in "{whole}"; expected ROLE or ROLE@KIND[,KIND…]'),
    "selector_twice": ('"{text}" 中单位类型 "{kind}" 出现了两次', 'unit kind "{kind}" named twice in "{text}"'),
    # --- the config (bureaukit.config) ---
    "cfg_table": ("应为表 [{path}]，实为 {value}", "expected a table [{path}], got {value}"),
    "cfg_grades_order": (
        "等级应按 min 从高到低排列（综合得分不低于 min 的第一个等级即为所得等级）",
        "list the grades from the highest min down (the first band whose min ≤ composite wins)",
    ),
    "cfg_share": ("应为 0 到 1 之间的比例，实为 {value}", "expected a share from 0 to 1, got {value}"),
    "cfg_weight": ("权重不能小于 0，实为 {value}", "a weight must be ≥ 0, got {value}"),
    "cfg_kind_grouped": ('单位类型"{kind}"已在分组"{group}"中', 'unit kind "{kind}" is already in group "{group}"'),
    "cfg_listed_twice": ("重复列出：{names}", "listed twice: {names}"),
    "cfg_text": ("应为文本，实为 {value}", "expected text, got {value}"),
    "cfg_whole": ("应为整数，实为 {value}", "expected a whole number, got {value}"),
    "cfg_bool": ("应为 true 或 false，实为 {value}", "expected true or false, got {value}"),
    "cfg_number": ("应为数字，实为 {value}", "expected a number, got {value}"),
    "cfg_finite": ("应为有限的数字，实为 {value}", "expected a finite number, got {value}"),
    "cfg_size": ("数值大小不合理（应在 1e-30 至 1e30 之间），实为 {value}",
                 "expected a number of sensible size (1e-30 to 1e30), got {value}"),
    "cfg_date": ("应为日期 YYYY-MM-DD，实为 {value}", "expected a date YYYY-MM-DD, got {value}"),
    "cfg_date_or_range": ("应为日期或日期范围 a..b，实为 {value}", "expected a date or a range a..b, got {value}"),
    "cfg_files": ("应为文件名或文件名列表，实为 {value}", "expected a file name or a list of file names, got {value}"),
    "cfg_period": ('应为考核期（如 "2013-05-01..2014-04-30"），实为 {value}',
                   'expected a period like "2013-05-01..2014-04-30", got {value}'),
    "cfg_role": ("应为角色的中文名称，实为 {value}", "expected the role's Chinese label, got {value}"),
    "cfg_org_source": ("应为文件名或 [[{path}]] 表，实为 {value}", "expected a file name or [[{path}]] tables, got {value}"),
    "cfg_one_of": ("应为以下之一：{choices}，实为 {value}", "expected one of {choices}, got {value}"),
    "cfg_nothing": ("空", "nothing"),
    "cfg_enabled": ("应为考核活动名称的列表，实为 {value}", "expected a list of campaign names, got {value}"),
    "cfg_ledgers": ("应为“台账种类 = 文件”的表，实为 {value}", "expected a table of record kind = file(s), got {value}"),
    "cfg_list": ("应为列表，实为 {value}", "expected a list, got {value}"),
    "cfg_unknown_key": ("未知的键 {key}{near}", "unknown key {key}{near}"),
    "cfg_known_keys": ("；可用的键：{known}", "; known keys: {known}"),
    "cfg_missing": ("缺少必填的键", "required key is missing"),
    "cfg_missing_bureau": ("缺少 [bureau]", "[bureau] is required"),
    "cfg_missing_campaigns": ("缺少 [campaigns]", "[campaigns] is required"),
    "cfg_missing_units": ('组织机构需要单位：一个文件（如 units = "org/units.csv"）或 [[units]] 表',
                          'the org needs units: a file (e.g. units = "org/units.csv") or [[units]] tables'),
    "cfg_missing_people": ('组织机构需要人员：一个文件（如 people = "org/people.csv"）或 [[people]] 表',
                           'the org needs people: a file (e.g. people = "org/people.csv") or [[people]] tables'),
    "toml_syntax": ("TOML 语法错误：{text}", "TOML syntax: {text}"),
    "toml_nested": ("TOML：数组或内联表嵌套过深（配置只需两三层）",
                    "TOML: arrays or inline tables nested too deeply (a config needs two or three levels)"),
    "cfg_no_file": ("配置文件不存在（查找位置：{path}）", "no such config file (looked for {path})"),
    "cfg_folder": ("这是文件夹；请给出本局的 TOML 配置文件（如 {example}）",
                   "is a folder; give the bureau's TOML file (e.g. {example})"),
    "cfg_utf8": ("配置文件必须是 UTF-8 文本（请另存为 UTF-8）", "the config must be UTF-8 text (save it as UTF-8)"),
    # --- periods, dates and the calendar (bureaukit.periods, bureaukit.workcalendar) ---
    "month_day": ('应为月-日（如 "05-20"），实为 "{value}"', 'expected a month-day like "05-20", got "{value}"'),
    "not_a_day_of": ('"{value}" 不是 {year} 年中的一天', '"{value}" is not a day of {year}'),
    "date_form": ('应为日期（如 2014-06-30、2014/6/30 或 2014年6月30日），实为 "{value}"',
                  'expected a date like 2014-06-30, 2014/6/30 or 2014年6月30日, got "{value}"'),
    "no_such_month": ('"{pid}"：没有第 {month} 月', '"{pid}": month {month} does not exist'),
    "range_backwards": ('"{text}"：范围的结束早于开始', '"{text}": the range ends before it starts'),
    "range_too_long": ('"{text}"：范围长达 {days} 天，超过一年', '"{text}": the range spans {days} days, more than a year'),
    "none_defined": ("未定义", "none defined"),
    "unknown_period": (
        '未知考核期"{pid}"：应为 2014、2014-H1、2014-Q2、2014-07、2013-05-01..2014-04-30 或 [periods] 中的名称（{known}）',
        'unknown period "{pid}": expected 2014, 2014-H1, 2014-Q2, 2014-07, 2013-05-01..2014-04-30 '
        "or a name from [periods] ({known})",
    ),
    "unknown_bucket": ('未知的统计周期"{per}"：应为以下之一：{known}', 'unknown bucket "{per}": expected one of {known}'),
    "calendar_needs_package": (
        '[calendar] source = "chinese-calendar" 需要安装 chinese-calendar：pip install \'bureaukit[calendar]\'',
        '[calendar] source = "chinese-calendar" needs the chinese-calendar package: pip install \'bureaukit[calendar]\'',
    ),
    "calendar_no_year": (
        "chinese-calendar 没有 {year} 年的数据：请在 [calendar] 中列出该年的节假日和调休上班日",
        "chinese-calendar has no data for {year}: list that year's holidays and workdays in [calendar]",
    ),
    # --- the org (bureaukit.org) ---
    "org_ends_before": ("离岗日期（{end}）早于到岗日期（{start}）", "ends ({end}) before it starts ({start})"),
    "org_no_units": ("没有单位：组织机构至少需要根单位（本局）", "no units: the org needs at least the root unit (the bureau)"),
    "org_one_root": ("单位树必须恰有一个根（没有上级的单位），实有：{found}",
                     "the unit tree needs exactly one root (a unit with no parent), found {found}"),
    "org_unknown_role": ("未知角色 {role}{near}；可用角色：{known}", "unknown role {role}{near}; known roles: {known}"),
    "org_duplicate": ("{what}编号重复：{id}（首次出现于 {first}）", "duplicate {what} id {id} (first at {first})"),
    "org_duplicate_like": (
        "{what}编号重复：{id} 与 {other}（位于 {first}）去掉不可见字符、全角和大小写差别后相同",
        "duplicate {what} id {id}: the same id as {other} (at {first}) once invisible characters, "
        "full-width forms and case are set aside",
    ),
    "org_unknown_parent": ("未知上级单位 {id}{near}", "unknown parent unit {id}{near}"),
    "org_cycle": ("单位树中有循环：{cycle}", "the unit tree has a cycle: {cycle}"),
    # --- reading a ledger file (bureaukit.readers) ---
    "save_as_csv": ("请在 Excel 中选择“另存为 → CSV UTF-8 (逗号分隔) (*.csv)”",
                    "in Excel choose Save As → CSV UTF-8 (逗号分隔) (*.csv)"),
    "read_zip": ("这是 zip 文件（.xlsx 工作簿？），不是 {expected}：请另存为 {expected}，或改名为 .xlsx",
                 "this is a zip (an .xlsx file?), not {expected}: save it as {expected} or name it .xlsx"),
    "read_utf16_csv": ("这是 UTF-16 文本（Excel 的“Unicode 文本”），不是 CSV：{how}",
                       "this is UTF-16 text (Excel's \"Unicode text\"), not CSV: {how}"),
    "read_utf16": ("这是 UTF-16 文本，不是 {expected}：请另存为 UTF-8", "this is UTF-16 text, not {expected}: save it as UTF-8"),
    "read_binary": ("这是二进制文件，不是 {expected}", "this is a binary file, not {expected}"),
    "read_semicolons": ("分号", "semicolons"),
    "read_tabs": ("制表符", "tabs"),
    "read_separated": ("单元格以{by}而非逗号分隔：{how}", "the cells are separated by {by}, not commas: {how}"),
    "read_csv_sheet": ("csv 文件没有工作表：请去掉 #工作表 部分", "a csv file has no sheets: drop the #sheet part"),
    "read_empty_file": ("文件是空的：台账至少要有表头行", "the file is empty: a ledger needs at least a header row"),
    "read_not_csv": ("不是 CSV 文件：“{why}”", "not a CSV file: {why}"),
    "read_encoding": (
        "文件既不是 UTF-8 也不是 GB18030 文本（第 {offset} 字节有误）：请另存为 CSV UTF-8 或 CSV (逗号分隔)",
        "the file is neither UTF-8 nor GB18030 text (bad byte at offset {offset}): save it as CSV UTF-8 or CSV (逗号分隔)",
    ),
    "read_unclosed_quote": (
        '有引号未闭合（一个 " 没有配对），从此行直到文件末尾',
        'a quoted cell is never closed (a " without its partner) from this row to the end of the file',
    ),
    "read_csv_error": ("CSV：{text}", "CSV: {text}"),
    "read_long_header": (
        "第一行（表头行）超过 {kib} KiB：台账表头只是几十个列名（是否选错了文件？）",
        "the first line (the header row) is longer than {kib} KiB: a ledger's header is a few dozen column names "
        "(is this the right file?)",
    ),
    "read_mixed": (
        "文件混用了编码：第 {line} 行之前是 UTF-8 文本，之后出现非 UTF-8 字节（第 {offset} 字节）：请将整个文件另存为 CSV UTF-8",
        "the file mixes encodings: UTF-8 text up to line {line}, then a byte that is not UTF-8 (offset {offset}): "
        "save the whole file as CSV UTF-8",
    ),
    "read_xls_hint": ("（.xls 工作簿？请改名为 .xls）", " (an .xls workbook? name it .xls)"),
    "read_renamed_hint": ("（文件被改过名？）", " (a renamed file?)"),
    "read_encrypted": (
        "工作簿设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存",
        "the workbook is protected by a password (encrypted) and cannot be read: remove the password in Excel or WPS "
        "(File → Info → Protect Workbook → Encrypt with Password, clear it) and save it",
    ),
    "read_xlsx_as_xls": ("这是 .xlsx 工作簿，却以 {suffix} 为后缀：请改名为 .xlsx",
                         "this is an .xlsx workbook named {suffix}: name it .xlsx"),
    "read_text_workbook": (
        "这不是工作簿，而是{what}（一些系统“导出 Excel”时会这样保存）：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿 (*.xlsx)”",
        "this is no workbook but {what} (as some systems' \"export to Excel\" save it): open it in Excel or WPS "
        "and save it as Excel Workbook (*.xlsx)",
    ),
    "read_what_html": ("网页（HTML 表格）", "a web page (an HTML table)"),
    "read_what_xml2003": ("XML 电子表格 2003", "an XML Spreadsheet 2003"),
    "read_what_csv": ("CSV 文本", "CSV text"),
    "read_not_xlsx": ("这不是 .xlsx 工作簿{hint}：请另存为 .xlsx", "this is not an .xlsx workbook{hint}: save it as .xlsx"),
    "read_cannot_open": ("无法打开工作簿：“{why}”", "cannot open the workbook: {why}"),
    "read_cannot_read_sheet": ("无法读取工作表：“{why}”", "cannot read the sheet: {why}"),
    "read_no_sheet": ("没有工作表 {sheet}；工作簿中有：{names}", "no sheet {sheet}; the workbook has: {names}"),
    "read_no_visible_sheet": (
        "工作簿没有可见的工作表（隐藏的有：{hidden}）：请用 文件.xlsx#工作表名 指明要读取的一张",
        "the workbook has no visible sheet (hidden: {hidden}): name the one to read as file.xlsx#Sheet",
    ),
    "read_empty_sheet": ("工作表是空的：台账至少要有表头行", "the sheet is empty: a ledger needs at least a header row"),
    "read_needs_openpyxl": ("读取 .xlsx 需要 openpyxl：pip install 'bureaukit[xlsx]'",
                            "reading .xlsx needs openpyxl: pip install 'bureaukit[xlsx]'"),
    "read_needs_calamine": ("读取 {suffix} 需要 python-calamine：pip install 'bureaukit[xlsx]'",
                            "reading {suffix} needs python-calamine: pip install 'bureaukit[xlsx]'"),
    "read_json_key_twice": ("对象中的键 {key} 出现了两次：只能保留一个值", "the object names the key {key} twice: keep one value"),
    "read_json_object": ("应为每列一个键的对象", "expected an object with one key per column"),
    "read_json_utf8": ("JSON 必须是 UTF-8 文本", "JSON must be UTF-8 text"),
    "read_json_syntax": ("JSON 语法错误：“{msg}”（第 {line} 行第 {column} 列）", "JSON syntax: {msg} (line {line}, column {column})"),
    "read_jsonl_syntax": ("JSON 语法错误：“{msg}”（第 {column} 列）", "JSON syntax: {msg} (column {column})"),
    "read_json_cannot": ("JSON：无法读取：“{why}”", "JSON: cannot read: {why}"),
    "read_json_list": ("应为由对象组成的 JSON 列表", "expected a JSON list of objects"),
    "read_jsonl_utf8": ("JSON lines 文件必须是 UTF-8 文本", "JSON lines must be UTF-8 text"),
    # --- files bureaukit refuses (bureaukit.files) and workbook cells ---
    "file_folder": ("是文件夹，不是{what}文件", "is a folder, not a {what} file"),
    "file_kind": ("是{kind}，不是{what}文件：bureaukit 只读取普通文件", "is {kind}, not a {what} file: bureaukit reads only regular files"),
    "file_too_big": (
        "文件有 {size:,} 字节（{shown}）；{what}文件最多 {limit}（远超任何真实的{what}）：是否选错了文件？",
        "the file has {size:,} bytes ({shown}); a {what} file may be at most {limit} (far more than any real {what}): "
        "is it the right file?",
    ),
    "what_ledger": ("台账", "ledger"),
    "what_config": ("配置", "config"),
    "cell_shows_error": ("单元格显示错误 {shown}：请在 Excel 或 WPS 中改正公式", "the cell shows the error {shown}: correct the formula in Excel or WPS"),
    "file_is_fifo": ("命名管道（FIFO）", "a named pipe (FIFO)"),
    "file_is_device": ("设备", "a device"),
    "file_is_socket": ("套接字", "a socket"),
    "file_is_other": ("非普通文件", "not a regular file"),
    "cell_formula_unsaved": (
        "公式没有保存的计算结果（文件从未在 Excel 或 WPS 中打开过）：请在其中打开、保存后再读取",
        "a formula without a saved value (the file was never opened in Excel or WPS): open it there, save it, and read it again",
    ),
    "cell_formula_uncalculated": (
        "公式的值从未计算过（文件由程序生成，要求打开时重新计算，保存的值只是占位）：请在 Excel 或 WPS 中打开、保存后再读取；"
        "仍有此提示时，把公式列复制后“选择性粘贴 → 数值”",
        "a formula whose value was never calculated (a program wrote the file and asks for it to be calculated "
        "when opened; the saved value is a placeholder): open it in Excel or WPS, save it, and read it again; "
        "if this stays, copy the formula column and paste it as values",
    ),
    # --- loading a bureau (bureaukit.bureau, bureaukit.plugins) ---
    "no_period_to_score": ("未指定要评分的考核期：请给出 --period（如 --period 2014），或设置 [bureau] period",
                           "no period to score: give --period (e.g. --period 2014) or set [bureau] period"),
    "weight_missing": ('已启用的考核活动"{name}"没有权重', 'enabled campaign "{name}" has no weight'),
    "weight_not_enabled": ('"{name}" 不是已启用的考核活动{near}', '"{name}" is not an enabled campaign{near}'),
    "table_not_enabled": ("未启用，此表不作检查", "not enabled, so this table is not checked"),
    "unknown_record_kind": ('未知的台账种类"{kind}"{near}；{name} 的台账有：{known}',
                            'unknown record kind "{kind}"{near}; {name} keeps: {known}'),
    "plugin_failed": ("插件 {plugin}{dist} 出错：{summary}", "plugin {plugin}{dist} failed: {summary}"),
    # --- ledgers (bureaukit.ledgers) ---
    "listed_twice_as": ("（即 {first}）", " (as {first})"),
    "listed_twice": ("{file} 列了两次{also}：其记录会被计算两次", "{file} is listed twice{also}: its records would count twice"),
    "did_you_mean": ("（是否应为 {word}？）", " (did you mean {word}?)"),
    "too_wide": (
        "表头有 {n:,} 个单元格；台账最多 {most:,} 列（文件中是否有一行分隔符，或远在右侧的零散单元格？）",
        "the header row has {n:,} cells; a ledger has at most {most:,} columns "
        "(is a row of separators or a stray cell far to the right in the file?)",
    ),
    "column_unit": (
        "表头写明金额单位是{said}，而此列按{unit}读取：请把数字换算成{unit}，并把表头改为“{label}（{unit}）”",
        "the header says the figures are in {said}, but this column is read in {unit}: convert the figures to {unit} "
        "and name the header {label}({unit})",
    ),
    "title_unit": (
        "表头上方的 {text} 说金额单位是{said}，而此台账的金额列按{unit}读取：请把数字换算成{unit}，并改正这一行",
        "above the header, {text} says the figures are in {said}, but this ledger's money columns are read in {unit}: "
        "convert the figures to {unit} and correct that line",
    ),
    "header_repeated": ("此行又是表头（连同表头粘贴进来的一段？）：请删除这一行",
                        "this row is the header again (a block pasted with its header?): delete it"),
    "read_lock_file": (
        "这是 Excel 或 WPS 在工作簿打开期间留下的锁定文件（文件名以 ~$ 开头），不是工作簿：请写工作簿本身的文件名",
        "this is the lock file Excel or WPS keeps while a workbook is open (its name begins ~$), not a workbook: "
        "name the workbook itself",
    ),
    "no_reader_how": ("{text}。{how}", "{text}; {how}"),
    "no_reader_et": ("这是 WPS 表格文件，请在 WPS 中“另存为 → Excel 工作簿 (*.xlsx)”",
                     "a WPS Spreadsheets file: in WPS choose Save As → Excel Workbook (*.xlsx)"),
    "no_reader_numbers": ("这是 Numbers 文件，请“导出为 → Excel”", "a Numbers file: choose Export To → Excel"),
    "no_reader_text": ("如是表格，请在 Excel 或 WPS 中“另存为 → CSV UTF-8 (逗号分隔) (*.csv)”",
                       "if it is a table, in Excel or WPS choose Save As → CSV UTF-8 (逗号分隔) (*.csv)"),
    "no_reader": ("无法读取 {suffix} 文件；可读取：{known}", "no reader for {suffix} files; known: {known}"),
    "no_suffix_quoted": ('"（无后缀）"', '"(no suffix)"'),
    "no_such_file": ("文件不存在（查找位置：{path}）", "no such file (looked for {path})"),
    "cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "control_char": ("单元格含控制字符 <U+{code:04X}>，内容为 {cell}", "the cell holds the control character <U+{code:04X}>, got {cell}"),
    "second_header_row": (
        "表头占两行（第 {first} 行和本行）：本行的列名按列读作 {columns}",
        "the header takes two rows (row {first} and this one): this row's names read as {columns}",
    ),
    "skipped_above_header": ("表头上方的行已跳过：{text}", "skipped above the header: {text}"),
    "n_cells": ("共 {n:,} 个单元格", "{n:,} cells"),
    "row_n": ("第 {n} 行：{cells}", "row {n}: {cells}"),
    "empty_mark": ("（空）", "(empty)"),
    "no_header": (
        "前 {n} 行中没有表头：应有一行写出下列必填列中的至少一半：{required}；前几行为：{first}",
        "no header row in the first {n} rows: looked for a row naming at least half of the required columns "
        "{required}; the first rows are: {first}",
    ),
    "column_n": ("第 {n} 列", "column {n}"),
    "column_twice": ('"{name}" 列出现了两次（另一处为 {other}）', 'column for "{name}" given twice (also as {other})'),
    "column_missing": ("缺少必填列（表头应为 {label} 或 {name}）", "required column is missing (header {label} or {name})"),
    "unknown_column": ("未知列{near}；可用的列：{known}", "unknown column{near}; known columns: {known}"),
    "more_cells": (
        "此行的单元格比表头多（{last} > {width}）；含逗号的单元格请加引号，或补上缺少的表头",
        "the row has more cells than the header ({last} > {width}); quote a cell holding a comma, or add the missing header",
    ),
    "footer_then_records": (
        "{text} 看似表尾（制表人：…），但其下还有记录：请移到最后一条记录之下，或清除",
        "{text} reads as a footer line (制表人：…), but records follow it: move it below the last record or clear it",
    ),
    "hidden_rows": (
        "工作簿隐藏了第 {rows} 行（共 {n} 行记录，手动隐藏或被筛选掉）：它们和其他行一样作为记录读取、计分；不是记录的行请删除",
        "the workbook hides rows {rows} ({n} record{s}, hidden or filtered out): they are read and scored like any other "
        "row; delete a row that is no record",
    ),
    "totals_skipped": ("合计行 {text} 已跳过（合计其上 {n} 行）", "totals row {text} skipped (closes {n} row{s})"),
    "totals_differ": (
        "警告：合计行 {text} 写的是 {said}，而其合计的 {n} 行之和为 {total}",
        "warning: the totals row {text} says {said}, but the rows it closes ({n}) sum to {total}",
    ),
    "footer_skipped": ("表尾行已跳过：{text}", "footer line skipped: {text}"),
    "no_header_cells": ("此列没有表头，其中 {n} 个已填单元格未读取", "has no header, so its {n} filled cells are not read"),
    "required_empty": ("必填，但单元格为空", "required, but the cell is empty"),
    "invalid_record": ("记录无效：{why}", "invalid record: {why}"),
    "duplicate_same_as": ("，与 {other} 为同一编号", ", the same key as {other}"),
    "duplicate_key": ("编号重复：{key}{same}（首次出现于 {first}）", "duplicate key {key}{same} (first at {first})"),
    "unknown_ref": ("未知{what} {value}{near}", "unknown {what} {value}{near}"),
    "appeal_no_subject": ('"{subject}" 既不是单位编号，也不是人员编号', '"{subject}" is no unit or person id'),
    "appeal_campaign_off": ('"{campaign}" 不是已启用的考核活动；已启用：{enabled}',
                            '"{campaign}" is not an enabled campaign; enabled: {enabled}'),
    "appeal_decided_missing": ("状态为{status}（已复核）时必填", "required once the appeal is {status} (decided)"),
    "appeal_decided_early": ("{decided} 早于提出日期 {filed}", "{decided} is before the appeal was filed ({filed})"),
    "ref_person": ("人员", "person"),
    "ref_unit": ("单位", "unit"),
    "ref_record": ("{kind}中的记录", "{kind} record"),
    # --- ledger cells (bureaukit.cells) ---
    "cell_text": ("应为文本，实为 {cell}", "expected text, got {cell}"),
    "cell_long_number": (
        "这是 16 位以上的数字单元格，Excel 只保留 15 位有效数字，末尾几位已经丢失，实为 {cell}："
        "请把该列设为“文本”格式后重新输入（身份证号、账号等编号都应存为文本）",
        "a number cell of 16 or more digits, got {cell}: Excel keeps only 15 significant digits, so its last "
        "digits are lost; format the column as Text and type it again (an id number or account is text)",
    ),
    "cell_percent_scale": (
        "单元格设成了百分比格式（{shown}），而此列未说明是 0–100 还是 0–1：请去掉 % 格式，直接输入数字",
        "a cell formatted as a percentage ({shown}), in a column that does not say whether it holds 0–100 or 0–1: "
        "type the number without the % format",
    ),
    "cell_number": ("应为数字，实为 {cell}", "expected a number, got {cell}"),
    "cell_scientific": (
        "应为数字，实为科学计数法 {cell}：Excel 把列宽放不下的长数字显示成这样，另存为 CSV "
        "时只保留显示的几位，后面的数字已经丢失。请在 Excel 中把该列设为“数值”格式（或加宽列）后重新另存",
        "expected a number, got scientific notation {cell}: this is how Excel shows a number too long "
        "for its column, and a CSV keeps only the digits shown, so the rest are lost. Format the column "
        "as Number (or widen it) in Excel and save the CSV again",
    ),
    "cell_range": (
        "数值超出范围（绝对值应在 1e-{n} 至 1e{n} 之间），实为 {cell}",
        "the number is out of range (1e-{n} to 1e{n} in size), got {cell}",
    ),
    "cell_negative": ("不能为负数，实为 {cell}", "must not be negative, got {cell}"),
    "cell_whole": ("应为整数，实为 {cell}", "expected a whole number, got {cell}"),
    "cell_date_short": ("应为日期（如 2014-05-20），实为 {cell}", "expected a date like 2014-05-20, got {cell}"),
    "cell_date": (
        "应为日期（如 2014-05-20、2014/5/20、2014年5月20日 或 20140520），实为 {cell}",
        "expected a date like 2014-05-20, 2014/5/20, 2014年5月20日 or 20140520, got {cell}",
    ),
    "cell_time": ("时刻不存在，实为 {cell}", "not a real time of day, got {cell}"),
    "cell_real_date": ("日期不存在，实为 {cell}", "not a real date, got {cell}"),
    "cell_bool": ("应为是或否（是/否、1/0、√/×、true/false），实为 {cell}",
                  "expected yes or no (true/false, 是/否, 1/0, √/×), got {cell}"),
    "cell_choice": ("应为以下之一：{choices}，实为 {cell}", "expected one of {choices}, got {cell}"),
}

_current: ContextVar[str | None] = ContextVar("bureaukit_language", default=None)
"""The language this run speaks, once the CLI (or :func:`speaking`) set it. A context
variable, set and reset by each CLI invocation and each load: one in-process run
(click's ``CliRunner``, an embedding system) never leaves its language to the next."""


def locale_language() -> str:
    """``zh`` when the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set names a
    Chinese locale (``zh_CN.UTF-8``), else ``en``. Where none is set — Windows, the office
    PC — the system's locale as Python reads it (``Chinese (Simplified)_China``)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    import locale

    name = (locale.getlocale()[0] or "").lower()
    return "zh" if name.startswith(("zh", "chinese")) else "en"


def set_language(lang: str | None) -> Token[str | None]:
    """The language of this run's messages (``zh``/``en``; None: back to the locale's).
    Returns the token that :func:`restore_language` takes to undo it."""
    return _current.set(lang if lang in ("zh", "en") else None)


def restore_language(token: Token[str | None]) -> None:
    """The language as it was before the :func:`set_language` that gave *token*."""
    _current.reset(token)


def chosen_language() -> str | None:
    """The language set for this run, or None when none was (the locale's applies)."""
    return _current.get()


class speaking:
    """``with speaking("zh"): ...``: messages in *lang* inside the block (None: unchanged),
    the previous language back after it, however the block ends."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self.token: Token[str | None] | None = None

    def __enter__(self) -> None:
        if self.lang in ("zh", "en"):
            self.token = _current.set(self.lang)

    def __exit__(self, *exc: object) -> None:
        if self.token is not None:
            _current.reset(self.token)
            self.token = None


def language() -> str:
    return _current.get() or locale_language()


def language_for(configured: str | None) -> str:
    """The language of a bureau's run while it loads: ``--lang`` when the CLI set one, else
    the bureau's ``[bureau] language``, else the locale's (for messages written before the
    CLI adopts the config's language, without changing the process's)."""
    return _current.get() or (configured if configured in ("zh", "en") else None) or locale_language()


def t(key: str, lang: str | None = None, /, **fields: object) -> str:
    """Message *key* in *lang* (default: this run's language), its fields filled in."""
    zh, en = MESSAGES[key]
    if (lang or language()) != "en":
        return zh.format(**fields) if fields else zh
    if "{s}" in en:  # an English noun counted by n: "1 violation", "2 violations"
        fields["s"] = "" if fields.get("n") == 1 else "s"
    return en.format(**fields) if fields else en


_ERRNO_ZH = {
    1: "没有权限", 2: "文件或文件夹不存在", 5: "读写出错（磁盘或网络）", 13: "没有权限", 17: "已存在",
    20: "路径中有一段不是文件夹", 21: "是文件夹", 24: "打开的文件太多", 27: "文件太大", 28: "磁盘空间不足",
    30: "只读的文件系统", 36: "文件名太长", 122: "超出磁盘配额",
}
"""The operating system's reasons a clerk meets (POSIX errno; Windows maps the same)."""


def reason(exc: OSError) -> str:
    """Why a file could not be read or written, in this run's language: the operating
    system's words (``strerror``) in English, their Chinese for the common ones, else
    cited as they are."""
    text = exc.strerror or str(exc)
    if language() == "en":
        return text
    zh = _ERRNO_ZH.get(exc.errno or 0)
    return zh if zh is not None else foreign(text)


def pick(zh: str, en: str) -> str:
    """*zh* or *en*, whichever this run speaks: for a campaign plugin's own messages
    (``LedgerError(r, "得分", pick(f"应在 0–100 之间…", f"must lie in 0–100…"))``), which
    the core's catalogue does not hold."""
    return en if language() == "en" else zh


def foreign(text: object) -> str:
    """Words bureaukit did not write (a parser's, the operating system's, a library's
    message), as they are: quoted in a Chinese line, so that they read as a citation."""
    return str(text) if language() == "en" else f"“{text}”"
