"""The words hegao says to a user, in Chinese and in English: one place for each.

Chinese unless asked otherwise: ``--lang en``, ``HEGAO_LANG=en``, or an English locale
(``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` starting with ``en``). A test checks that every
message exists in both languages with the same placeholders.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hegao.checker.model import Message

# key: (Chinese, English). Placeholders in braces, the same in both.
CATALOG: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "unknown_suppression_code": (
        "禁用注释中的规则代码 {code} 不存在，这条注释不起作用",
        "the suppression comment names {code}, which is no rule: it silences nothing",
    ),
    "cfg_boolean": ("{key} 应为 true 或 false，而不是 {value}", "{key} must be true or false, not {value}"),
    "binary": ("不是文本文件（二进制文件），无法检查", "binary file (not a text draft)"),
    "legacy_doc": (
        ".doc 为旧版 Word 格式，请另存为 .docx 后再检查",
        "old Word format (.doc): save it as .docx and check again",
    ),
    "invalid_utf8_bom": (
        "文件标明为 UTF-8，但第 {offset} 字节不是有效的 UTF-8",
        "invalid UTF-8 at byte {offset}",
    ),
    "not_utf8_or_gb": (
        "不是 UTF-8 或 GB18030 编码的文本{hint}：第 {offset} 字节无法识别",
        "not UTF-8 or GB18030 text{hint}: invalid at byte {offset}",
    ),
    "looks_like": ("（像是 {encoding}）", " (looks like {encoding})"),
    "not_utf8": (
        "不是 UTF-8 文本：第 {offset} 字节无法识别",
        "not UTF-8 text: invalid at byte {offset}",
    ),
    "is_directory": ("这是一个文件夹", "is a directory"),
    "permission_denied": ("没有读取权限", "permission denied"),
    "no_such_file": ("文件不存在", "no such file"),
    "os_error": ("无法读取：{reason}", "cannot read: {reason}"),
    "not_regular": ("不是普通文件（管道或设备），无法检查", "not a regular file (a pipe or a device)"),
    "too_large": (
        "文件太大（{size} MB，上限 {limit} MB，见 --max-file-size）",
        "file too large ({size} MB; the limit is {limit} MB, see --max-file-size)",
    ),
    "empty": ("文件为空，没有可检查的内容", "empty file: nothing to check"),
    "no_such_path": ("文件或文件夹不存在", "no such file or directory"),
    "nothing_in_folder": (
        "{path} 中没有要检查的文件（.txt、.md、.docx，排除项与 .gitignore 已除外）",
        "nothing to check in {path} (.txt, .md, .docx, after exclusions and .gitignore)",
    ),
    "help_force_exclude": (
        "命令行中点名的文件也遵守配置中的 exclude（供 pre-commit 使用）。",
        "Apply the configuration's exclude to files named on the command line too (for pre-commit).",
    ),
    "help_no_respect_gitignore": (
        "遍历文件夹时不理会 .gitignore。",
        "Walk folders without regard to .gitignore.",
    ),
    "no_files_in_folder": (
        "文件夹中没有可检查的文件（.txt、.md、.docx）",
        "no files to check in this directory (.txt, .md, .docx)",
    ),
    "docx_not_zip": (
        "不是有效的 .docx 文件（不是 zip 压缩包）",
        "not a valid .docx (the file is not a zip archive)",
    ),
    "docx_entries": ("拒绝读取：.docx 含 {count} 个压缩条目", "refusing .docx with {count} archive entries"),
    "docx_expands": ("拒绝读取：.docx 解压后达 {size} MB", "refusing .docx that expands to {size} MB"),
    "docx_ratio": (
        "拒绝读取：.docx 中 {name} 的压缩比为 {ratio}:1",
        "refusing .docx: {name} is compressed {ratio}:1",
    ),
    "docx_no_document": (
        "不是有效的 .docx 文件（缺少 word/document.xml）",
        "not a valid .docx (no word/document.xml)",
    ),
    "docx_needs_library": (
        "读取 .docx 需要 python-docx：pip install 'hegao[docx]'",
        "reading .docx needs python-docx: pip install 'hegao[docx]'",
    ),
    "docx_invalid": ("不是有效的 .docx 文件（{kind}）", "not a valid .docx ({kind})"),
    "internal_error": (
        "内部错误，请报告：{kind}: {detail}",
        "internal error, please report it: {kind}: {detail}",
    ),
    "cfg_codes_as_strings": (
        "规则代码应写成字符串，而不是 {got}",
        "expected rule codes as strings, got {got}",
    ),
    "cfg_unknown_code": ("未知的规则代码或前缀 {code}", "unknown rule code or prefix {code}"),
    "cfg_invalid_toml": ("TOML 格式有误：{reason}", "invalid TOML: {reason}"),
    "toml_place": ("第 {line} 行第 {column} 列，", "line {line}, column {column}: "),
    "toml_at_end": ("文件末尾，", "at the end of the file: "),
    "toml_expected_equals": ("键名后应有“=”", "expected '=' after a key"),
    "toml_unclosed_header": ("表名缺少结尾的“]”", "a table header lacks its ']'"),
    "toml_unclosed_array": ("数组缺少结尾的“]”", "an array lacks its ']'"),
    "toml_unclosed_inline": ("内联表缺少结尾的“}}”", "an inline table lacks its '}}'"),
    "toml_unterminated_string": ("字符串缺少结尾的引号", "a string lacks its closing quote"),
    "toml_bad_escape": ("字符串中的反斜杠转义有误（路径可改用单引号）", "a bad backslash escape in a string"),
    "toml_bad_key": ("键名的第一个字符无效", "a key starts with an invalid character"),
    "toml_bad_date": ("日期或时间的格式有误", "an invalid date or time"),
    "toml_bad_value": ("值无效（文字需加引号，如 \"DUP\"）", "an invalid value (text needs quotes)"),
    "toml_defined_twice": ("同一项定义了两次", "the same key or table is defined twice"),
    "toml_bad_character": ("含有不允许的字符", "a character that is not allowed"),
    "toml_expected": ("缺少应有的符号", "a mark is missing"),
    "toml_bad_statement": ("无法识别的语句", "a statement that is not TOML"),
    "toml_other": ("无法解析", "cannot be parsed"),
    "cfg_cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "cfg_not_a_table": ("[tool.hegao] 应为一个表", "[tool.hegao] must be a table"),
    "cfg_unknown_key": ("未知的配置项 {key}（可用：{known}）", "unknown key {key} (known: {known})"),
    "cfg_positive_number": (
        "{key} 应为不超过 {most} 的正数（MB），而不是 {value}",
        "{key} must be a positive number of megabytes up to {most}, not {value}",
    ),
    "cfg_list_of_codes": ("{key} 应为规则代码列表", "{key} must be a list of rule codes"),
    "cfg_list_of_globs": ("{key} 应为文件通配符列表", "{key} must be a list of glob patterns"),
    "cfg_severity_table": (
        'severity 应为 CODE = "error|warning|info" 的表',
        'severity must be a table of CODE = "error|warning|info"',
    ),
    "cfg_severity_value": (
        "severity.{code} 应为 error、warning 或 info，而不是 {value}",
        "severity.{code} must be error, warning or info, not {value}",
    ),
    "cfg_per_file_table": (
        'per-file-ignores 应为 "通配符" = [代码] 的表',
        'per-file-ignores must be a table of "glob" = [codes]',
    ),
    "cfg_per_file_codes": (
        "per-file-ignores.{pattern} 应为规则代码列表",
        "per-file-ignores.{pattern} must be a list of rule codes",
    ),
    "cfg_rules_table": (
        "rules 应为 [rules.CODE] 选项表",
        "rules must be a table of [rules.CODE] option tables",
    ),
    "cfg_rule_without_options": (
        "rules.{code}：未知规则，或该规则没有选项",
        "rules.{code}: unknown rule, or a rule without options",
    ),
    "cfg_rule_table": ("rules.{code} 应为一个表", "rules.{code} must be a table"),
    "cfg_unknown_option": (
        "rules.{code}.{name}：未知选项（可用：{known}）",
        "rules.{code}.{name}: unknown option (known: {known})",
    ),
    "cfg_option_type": (
        "rules.{code}.{name} 的类型应为 {wanted}",
        "rules.{code}.{name} must be of type {wanted}",
    ),
    # Command-line help.
    "help_app": (
        "hegao（核稿）：发布前检查中文通报、报告中自相矛盾的数字与重复的文字。",
        "hegao: check Chinese bulletins and reports for contradictory figures and repeated text "
        "before they go out.",
    ),
    "help_version": ("显示版本号。", "Show the version."),
    "help_lang": ("界面语言：zh（默认）或 en。", "zh (default) or en: the language of messages."),
    "help_help": ("显示本帮助并退出。", "Show this message and exit."),
    "help_check": (
        "检查稿件，报告自相矛盾的数字和重复的文字。\n\n"
        "退出状态：0 未发现问题；1 发现问题；2 有文件无法读取，或命令行、配置有误。",
        "Check drafts and report internal contradictions and repeated text.\n\n"
        "Exit status: 0 nothing found, 1 problems found, 2 a file could not be read or the "
        "command line or configuration is wrong.",
    ),
    "help_paths": (
        "要检查的文件或文件夹（.txt、.md、.docx）；- 表示从标准输入读取。",
        "Files or directories (.txt, .md, .docx); - for stdin.",
    ),
    "help_format": ("报告格式。", "Report format."),
    "help_output": ("把报告写入这个文件。", "Write the report to this file."),
    "help_select": (
        "只运行这些规则代码或前缀，如 SUM001,DUP。",
        "Only these rule codes or prefixes, e.g. SUM001,DUP.",
    ),
    "help_extend_select": (
        "在配置所选规则之外再加上这些规则。",
        "Add rules to those selected by the configuration.",
    ),
    "help_ignore": ("跳过这些规则代码或前缀。", "Skip these rule codes or prefixes."),
    "help_no_source": ("不显示原文行。", "Do not show the source lines."),
    "help_quiet": ("只列出问题：不显示原文和汇总。", "Only the findings: no source, no summary."),
    "help_statistics": ("只显示各规则的问题数量。", "Only the number of findings per rule."),
    "help_exit_zero": ("发现问题时也以 0 退出。", "Exit 0 even when problems are found."),
    "help_fail_on": (
        "只有此级别或更严重的问题才以 1 退出。",
        "Exit 1 only for findings of this severity or worse.",
    ),
    "help_fix": (
        "直接在文件中应用安全的修复（原子写入）。",
        "Apply safe fixes in place (written atomically).",
    ),
    "help_diff": (
        "以统一差异格式显示修复内容，不写入文件。",
        "Show the fixes as a unified diff; write nothing.",
    ),
    "help_unsafe_fixes": ("同时应用可能改变原意的修复。", "Also apply fixes that may change meaning."),
    "help_stdin_filename": (
        "从标准输入读取的文本的文件名（用于配置和报告）。",
        "The name of the text read from stdin (for config and reports).",
    ),
    "help_baseline": (
        "只报告这个基线文件中没有记录的问题。",
        "Report only findings not recorded in this baseline file.",
    ),
    "help_write_baseline": (
        "把当前的问题记入这个基线文件。",
        "Record the current findings in this baseline file.",
    ),
    "help_jobs": (
        "用 N 个进程检查文件（默认：文本超过 1 MB 时每个处理器核一个）。",
        "Check files in N processes (default: one per core when there is over 1 MB of text).",
    ),
    "help_max_file_size": (
        "拒绝检查大于这么多 MB 的文件（默认 {default}）。",
        "Refuse files larger than this many MB (default {default}).",
    ),
    "help_config": (
        "显示某个路径实际使用的配置及其来源。",
        "Show the effective configuration for a path and where it comes from.",
    ),
    "help_config_path": ("一个文件或文件夹。", "A file or folder."),
    "help_quantities": (
        "列出 hegao 在稿件中读到的每个数量：数值、数量级、单位、约数词、类别。",
        "List every quantity hegao reads in a draft: value, scale, unit, approximation, kind.",
    ),
    "help_draft": ("一份稿件（.txt、.md 或 .docx）。", "A draft (.txt, .md or .docx)."),
    "help_drafts": (
        "稿件或文件夹（.txt、.md、.docx），可以有多个；- 表示标准输入。",
        "Drafts or folders (.txt, .md, .docx), one or more; - for standard input.",
    ),
    "help_claims": (
        "列出 hegao 对稿件中数字的理解：每个数字的指标、范围、时期、角色，"
        "以及合计、分项、比率、增减、分别列举关系。",
        "List what hegao understands of a draft's figures: each figure's metric, scope, period and role, "
        "and the sums, breakdowns, ratios, changes and 分别 lists that relate them.",
    ),
    "help_rules": (
        "列出全部规则：代码、中文名称、默认级别、能否自动修复、概述。",
        "List all rules: code, Chinese title, name, default severity, whether fixable, summary.",
    ),
    "help_explain": (
        "解释一条规则：作用、原因、示例以及应如何改写。",
        "Explain a rule: what it does, why it matters, an example and what to write instead.",
    ),
    "help_code": ("规则代码，如 SUM001。", "A rule code, e.g. SUM001."),
    # The command-line framework's own words.
    "cli_usage": ("用法：", "Usage: "),
    "cli_options_metavar": ("[选项]", "[OPTIONS]"),
    "cli_command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "metavar_paths": ("路径", "PATHS"),
    "metavar_path": ("路径", "path"),
    "metavar_text": ("文本", "text"),
    "metavar_file": ("文件", "FILE"),
    "metavar_codes": ("代码", "CODES"),
    "metavar_code": ("代码", "CODE"),
    "metavar_lang": ("语言", "LANG"),
    "metavar_name": ("文件名", "NAME"),
    "metavar_mb": ("MB", "MB"),
    "metavar_n": ("N", "N"),
    "metavar_host": ("地址", "HOST"),
    "cli_arguments": ("参数", "Arguments"),
    "cli_options": ("选项", "Options"),
    "cli_commands": ("命令", "Commands"),
    "cli_default": ("[默认：{{}}]", "[default: {{}}]"),
    "cli_required": ("[必填]", "[required]"),
    "cli_usage_error": (
        "{message}（运行 {command} -h 查看帮助）",
        "{message} (run {command} -h for help)",
    ),
    "cli_no_such_option": ("没有这个选项：{name}", "no such option: {name}"),
    "cli_missing_argument": ("缺少参数 {name}", "missing argument {name}"),
    "cli_missing_option": ("缺少选项 {name}", "missing option {name}"),
    "cli_no_such_command": ("没有这个命令：{name}", "no such command: {name}"),
    "cli_needs_value": ("选项 {name} 需要一个值", "option {name} requires a value"),
    "cli_extra_arguments": ("多余的参数：{args}", "unexpected extra arguments: {args}"),
    "cli_invalid_choice": (
        "{name} 的值 {value} 无效，可选：{choices}",
        "invalid value {value} for {name}; choose from {choices}",
    ),
    "cli_invalid_value": ("{name} 的值无效：{detail}", "invalid value for {name}: {detail}"),
    "cli_not_a_number": ("{name} 应为数字，而不是 {value}", "{name} must be a number, not {value}"),
    "cli_out_of_range": (
        "{name} 的值 {value} 超出范围（{range}）",
        "{name}: {value} is out of range ({range})",
    ),
    "figures_stopped_at": ("第 {line} 行：", "line {line}: "),
    "figures_stopped": (
        "数字过多，只核对了此行之前的 {count} 个数字（这份文稿几乎全是数字，像一列数据而不是文稿）",
        "too many figures: only the {count} before this line were checked (the draft is almost "
        "all figures, like a column of data rather than a text)",
    ),
    "baseline_unreadable": ("无法读取基线文件：{reason}", "cannot read the baseline: {reason}"),
    "baseline_not_one": (
        "不是 hegao 的基线文件（应为 hegao check --write-baseline 写出的 JSON）",
        "not a hegao baseline (the JSON written by hegao check --write-baseline)",
    ),
    "cli_range_between": ("应在 {low} 到 {high} 之间", "{low} to {high}"),
    "cli_range_at_least": ("应不小于 {low}", "at least {low}"),
    "cli_range_at_most": ("应不大于 {high}", "at most {high}"),
    "cli_no_path": ("{name}：{value} 不存在", "{name}: {value} does not exist"),
    "cli_bad_command_line": ("命令行有误：{detail}", "bad command line: {detail}"),
    "rules_fixable": ("可修复", "fix"),
    "explain_options": ("选项（[tool.hegao.rules.{code}]）", "Options ([tool.hegao.rules.{code}])"),
    "config_for": ("# {path} 的配置", "# configuration for {path}"),
    "config_no_source": ("（无：使用默认设置）", "(none: defaults)"),
    # Word documents.
    "report_unfixed": (
        "{path}: {count} 处修复无法在 Word 文档中自动应用（跨段落或跨格式），请在 Word 中手动修改",
        "{path}: {count} fixes could not be applied in the Word document (across paragraphs or "
        "formatting): make them in Word",
    ),
    "annotate_one_docx": (
        "--annotate 只用于检查一个 .docx 文件",
        "--annotate needs exactly one .docx file to check",
    ),
    "annotate_same_file": (
        "--annotate 的输出不能是原文件本身：请另取文件名",
        "--annotate must not write over the draft itself: give another file name",
    ),
    "annotate_written": ("已将 {count} 条批注写入 {path}", "wrote {count} comments to {path}"),
    "help_annotate": (
        "把每个问题作为 Word 批注写入这份 .docx 的副本（原文件不变）。",
        "Write a copy of the .docx with each finding as a Word comment (the draft is not changed).",
    ),
    # The local web page (hegao serve).
    "serve_title": ("hegao 核稿", "hegao"),
    "serve_paste": ("把稿件粘贴到这里，然后点“检查”。", "Paste a draft here, then press Check."),
    "serve_drop": ("也可以把 .txt、.md、.docx 文件拖到这里。", "Or drop a .txt, .md or .docx file here."),
    "serve_check": ("检查", "Check"),
    "serve_open": ("打开文件…", "Open a file…"),
    "serve_fix_all": ("应用全部安全修复", "Apply all safe fixes"),
    "serve_download": ("下载修改后的文本", "Download the text"),
    "serve_apply": ("应用修复", "Apply"),
    "serve_checking": ("正在检查…", "Checking…"),
    "serve_summary": (
        "共 {count} 处问题，其中 {safe} 处可一键安全修复。",
        "{count} problem(s); {safe} can be fixed safely in one go.",
    ),
    "serve_clean": ("未发现问题。", "No problems found."),
    "serve_failed": ("检查失败", "The check failed"),
    "serve_not_found": ("没有这个页面", "no such page"),
    "serve_bad_request": ("请求有误", "bad request"),
    "serve_cannot_listen": (
        "无法在 {host}:{port} 上监听：{reason}",
        "cannot listen on {host}:{port}: {reason}",
    ),
    "serve_running": (
        "hegao 核稿页面：{url}（按 Ctrl+C 退出）",
        "hegao is serving its page at {url} (Ctrl+C to stop)",
    ),
    "help_serve": (
        "打开本机网页：粘贴稿件或拖入文件，查看问题并逐条修复。",
        "Open a local web page: paste a draft or drop a file, see the findings and fix them.",
    ),
    "help_host": (
        "监听地址（默认只供本机访问）。",
        "The address to listen on (this machine only by default).",
    ),
    "help_port": ("端口（0 表示任选一个空闲端口）。", "The port (0: any free port)."),
    "help_no_browser": ("不自动打开浏览器。", "Do not open a browser."),
    # The language server (hegao server).
    "lsp_fix_safe": ("修复 {code}：{title}", "Fix {code}: {title}"),
    "lsp_fix_unsafe": (
        "修复 {code}：{title}（可能改变原意，请核对）",
        "Fix {code}: {title} (may change meaning)",
    ),
    "lsp_suppress": (
        "在此行上方加注释，忽略这一行的 {code}",
        "Ignore {code} on this line (comment above it)",
    ),
    "lsp_needs_pygls": (
        "语言服务器需要 pygls：pip install 'hegao[lsp]'",
        "the language server needs pygls: pip install 'hegao[lsp]'",
    ),
    "help_server": (
        "作为语言服务器（LSP，经标准输入输出）运行，供编辑器调用。",
        "Run as a language server (LSP over standard input and output) for editors.",
    ),
    # Watch mode.
    "help_watch": (
        "检查后继续监视文件，文件一改就重新检查，只显示变化的部分（Ctrl+C 退出）。",
        "Check, then watch the files and re-check what changes, showing only what changed (Ctrl+C to stop).",
    ),
    "watch_waiting": ("正在监视文件的改动（按 Ctrl+C 退出）…", "Watching for changes (Ctrl+C to stop)…"),
    "watch_changed": (
        "[{time}] {path}：新增 {new} 处问题，解决 {gone} 处",
        "[{time}] {path}: {new} new problem(s), {gone} resolved",
    ),
    "watch_gone": ("  已解决 {code}：{message}", "  resolved {code}: {message}"),
    "watch_needs_watchfiles": (
        "监视模式需要 watchfiles：pip install 'hegao[watch]'",
        "watch mode needs watchfiles: pip install 'hegao[watch]'",
    ),
    # The report.
    "report_more": (
        "{path}: 另有 {count} 处 {code}（{title}）未逐一列出；--format json 列出全部",
        "{path}: {count} more {code} ({title}) not listed; --format json lists them all",
    ),
    "report_fixed": ("已自动修复 {count} 处。", "Fixed {count} problem(s). "),
    "report_total": (
        "共 {count} 处问题，涉及 {files} 个文件。",
        "Found {count} problem(s) in {files} file(s). ",
    ),
    "report_fixable": ("其中 {count} 处可用 --fix 自动修复。", "{count} can be fixed with --fix. "),
    "report_unsafe": (
        "另有 {count} 处可用 --unsafe-fixes 修复（可能改变原意，请核对）。",
        "{count} more can be fixed with --unsafe-fixes (they may change meaning: check them). ",
    ),
    "report_clean": (
        "未发现问题（已检查 {count} 个文件）。",
        "No problems found ({count} file(s) checked). ",
    ),
    "report_unchecked": (
        "{count} 个文件无法检查（原因见上）。",
        "{count} file(s) could not be checked (see above).",
    ),
    "report_fix_safe": ("可自动修复", "fixable"),
    "report_fix_unsafe": ("可修复（需 --unsafe-fixes）", "fixable with --unsafe-fixes"),
    "report_fix_line": ("  = {how}：{title}", "  = {how}: {title}"),
    "report_related": (
        "  = {message}：第 {line} 行第 {column} 列{where}",
        "  = {message}: line {line}, column {column}{where}",
    ),
    "report_related_in": ("  = {message}：{place}{where}", "  = {message}: {place}{where}"),
    "report_related_above": ("（上方 - 处）", " (marked - above)"),
    "html_title": ("hegao 核稿报告（{count} 处问题）", "hegao report ({count} problems)"),
    "html_heading": (
        "hegao 核稿报告：{count} 处问题，{files} 个文件",
        "hegao report: {count} problems in {files} files",
    ),
    "html_rule": ("规则", "Rule"),
    "html_title_column": ("名称", "Name"),
    "html_count": ("数量", "Count"),
    "html_files": ("文件", "Files"),
    "html_count_in_file": ("{count} 处问题", "{count} problems"),
    "html_unreadable_short": ("无法读取", "could not be read"),
    "html_unreadable": ("无法读取（{reason}）", "could not be read ({reason})"),
    "html_clean": ("未发现问题", "no problems found"),
    "html_fix_safe": ("[*] 可自动修复：{title}", "[*] fixable: {title}"),
    "html_fix_unsafe": (
        "[?] 可修复（需 --unsafe-fixes）：{title}",
        "[?] fixable with --unsafe-fixes: {title}",
    ),
    "where_paragraph": ("第 {n} 段", "paragraph {n}"),
    "where_cell": ("表 {table} 第 {row} 行第 {column} 列", "table {table}, row {row}, column {column}"),
    "where_line": ("第 {line} 行第 {column} 列", "line {line}, column {column}"),
    "severity_error": ("错误", "error"),
    "severity_warning": ("警告", "warning"),
    "severity_info": ("提示", "info"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "explain_header": (
        "默认级别：{severity}。可自动修复：{fixable}。",
        "Default severity: {severity}. Fixable: {fixable}.",
    ),
    "baseline_recorded": ("已将 {count} 处问题记入基线 {path}", "recorded {count} findings in {path}"),
    "cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "unknown_code": ("未知的规则代码：{code}", "unknown rule code: {code}"),
    # The web page under load and from other sites (hegao serve).
    "serve_wrong_host": (
        "拒绝访问：{host} 不是本服务的地址，请直接打开 {url}",
        "refused: {host} is not this server's address; open {url}",
    ),
    "serve_wrong_origin": (
        "拒绝访问：请求来自其他网页（{origin}），只接受本页面发出的请求",
        "refused: the request comes from another page ({origin}); only this page may send it",
    ),
    "serve_needs_json": (
        "请求格式有误：内容类型应为 application/json",
        "the request must be sent as application/json",
    ),
    "serve_needs_length": (
        "请求须注明长度（Content-Length），不接受分块传输",
        "the request must state its length (Content-Length); chunked bodies are not accepted",
    ),
    "serve_bad_length": ("请求的长度（Content-Length）无效", "invalid Content-Length"),
    "serve_incomplete": ("请求内容不完整", "the request body is incomplete"),
    "serve_not_json": ("请求内容不是有效的 JSON", "the request body is not valid JSON"),
    "serve_not_utf8": ("请求内容不是 UTF-8 文本", "the request body is not UTF-8 text"),
    "serve_not_object": (
        "请求内容应为 JSON 对象，而不是{kind}",
        "the request body must be a JSON object, not {kind}",
    ),
    "serve_kind_null": ("空值（null）", "null"),
    "serve_kind_list": ("数组", "an array"),
    "serve_kind_text": ("字符串", "a string"),
    "serve_kind_bool": ("布尔值", "a boolean"),
    "serve_kind_number": ("数字", "a number"),
    "serve_bad_field": ("请求有误：{field} 应为{kind}", "bad request: {field} must be {kind}"),
    "serve_field_str": ("文本", "a string"),
    "serve_field_int": ("整数", "an integer"),
    "serve_field_bool": ("true 或 false", "true or false"),
    "serve_bad_method": ("不支持这种请求方法（{method}）", "request method not supported ({method})"),
    "serve_line_too_long": ("请求的地址太长", "the request line is too long"),
    "serve_headers_too_large": ("请求头太多或太长", "too many or too long request headers"),
    "serve_bad_version": ("不支持这个 HTTP 版本", "HTTP version not supported"),
    "serve_too_slow": (
        "检查超过 {seconds} 秒仍未完成，已停止。请把稿件分成几部分检查，或在命令行用 hegao check 检查",
        "the check took longer than {seconds} s and was stopped; check the draft in parts, "
        "or with hegao check",
    ),
    "serve_busy": (
        "同时检查的稿件太多，请稍后再试",
        "too many drafts are being checked at once; try again shortly",
    ),
    "serve_worker_died": (
        "检查进程意外退出（可能是内存不足），请把稿件分成几部分检查",
        "the checking process stopped unexpectedly (out of memory?); check the draft in parts",
    ),
    "serve_findings_left_out": (
        "问题较多，只列出前 {shown} 处，另有 {rest} 处未列出（hegao check 可列出全部）。",
        "Only the first {shown} findings are listed; {rest} more are not (hegao check lists them all).",
    ),
    "serve_marks_left_out": (
        "正文中只标出 {shown} 处，另有 {rest} 处未标出。",
        "{shown} places are marked in the text; {rest} more are not.",
    ),
    "serve_chars_left_out": (
        "稿件较长，下方只显示前 {shown} 字，其后 {rest} 字未显示（全文仍在上方输入框中）。",
        "The draft is long: the first {shown} characters are shown below, the {rest} after them "
        "are not (the whole draft is still in the box above).",
    ),
    "serve_port_in_use": ("端口已被占用", "the port is in use"),
    "serve_port_forbidden": ("没有权限使用这个端口", "no permission to use this port"),
    "serve_no_such_address": ("本机没有这个地址", "this machine has no such address"),
    "serve_unknown_host": ("无法识别这个地址", "unknown host name"),
    "serve_listen_error": ("系统错误（错误号 {number}）", "system error (errno {number})"),
    # The language server on large documents.
    "lsp_too_large": (
        "文档太大（{size} MB，上限 {limit} MB），未检查；上限见 hegao.toml 的 max-file-size",
        "document too large ({size} MB; the limit is {limit} MB): not checked; "
        "see max-file-size in hegao.toml",
    ),
    "lsp_too_slow": (
        "文档太大或太复杂，{seconds} 秒内未能检查完，已停止检查"
        "（时限可在编辑器的初始化选项 timeLimit 中调整）",
        "document too large or too slow to check within {seconds} s: checking stopped "
        "(the limit is the initialization option timeLimit)",
    ),
    "lsp_worker_failed": (
        "检查进程意外退出，这篇文档未能检查",
        "the checking process stopped unexpectedly: the document was not checked",
    ),
    # Files: fixes that respect the file, bounded input, reading (issue 22)
    "fix_not_written": ("未写入修正：{reason}", "fixes not written: {reason}"),
    "fix_changed": (
        "文件在检查期间被改动过（可能是编辑器保存了），为免覆盖这些改动未写入，请重新检查",
        "the file changed while it was checked (an editor saved it?): not overwritten, check it again",
    ),
    "fix_read_only": ("文件是只读的，不改写", "the file is read-only: it is not rewritten"),
    "fix_hardlinked": (
        "文件有 {count} 个硬链接，改写会使各链接内容分离（或写入中断时全部损坏），"
        "未写入；可用 --diff 查看修改",
        "the file has {count} hard links: rewriting it would split them (or, written in place, "
        "corrupt them all if interrupted), so it is not written; --diff shows the fixes",
    ),
    "fix_owner": (
        "无法保留文件原来的所有者或属组，未写入",
        "the file's owner or group could not be kept: not written",
    ),
    "output_is_input": (
        "{option} 指定的 {path} 是要检查的稿件之一，写入会覆盖稿件",
        "{option} names {path}, one of the drafts being checked: writing it would overwrite the draft",
    ),
    "symlink_outside": (
        "跳过 {path}：符号链接指向所检查的文件夹之外",
        "skipped {path}: a symbolic link leading out of the folder being checked",
    ),
    "pseudo_file": (
        "是系统虚拟文件（/proc、/sys），不是稿件，无法检查",
        "a pseudo-file of the system (/proc, /sys), not a draft",
    ),
    "stdin_too_large": (
        "标准输入太大（超过 {limit} MB，见 --max-file-size）",
        "standard input too large (over {limit} MB, see --max-file-size)",
    ),
    "docx_part_too_large": (
        "拒绝读取：.docx 中 {name} 解压后超过 {limit} MB（见 --max-file-size）",
        "refusing .docx: {name} inflates to over {limit} MB (see --max-file-size)",
    ),
    "docx_lies": (
        "拒绝读取：.docx 中 {name} 的实际大小与压缩包记录的不符（文件损坏或被篡改）",
        "refusing .docx: {name} is not the size its archive header says (damaged or forged)",
    ),
    "invalid_bom_text": (
        "文件标明为 {encoding}，但第 {offset} 字节无法识别",
        "marked as {encoding}, but invalid at byte {offset}",
    ),
    "no_configuration": ("没有可用的配置", "no configuration"),
    "worker_died": (
        "检查此文件的工作进程意外退出（可能是内存不足）",
        "the worker process checking this file died (out of memory?)",
    ),
    "reason_permission": ("没有权限", "permission denied"),
    "reason_missing": ("不存在", "does not exist"),
    "reason_loop": ("符号链接循环", "a loop of symbolic links"),
    "reason_no_space": ("磁盘空间或配额不足", "no space left (disk or quota)"),
    "reason_read_only_fs": ("文件系统是只读的", "read-only file system"),
    "reason_io": ("读写出错（磁盘或网络故障）", "input/output error (a disk or network fault)"),
    "reason_name_too_long": ("文件名太长", "file name too long"),
    "reason_would_block": ("读取会阻塞", "reading would block"),
    "reason_busy": ("文件正被占用", "the file is busy"),
    "reason_other": ("系统错误 {name}（{code}）", "system error {name} ({code})"),
}

_language: str | None = None


def language() -> str:
    """``zh`` or ``en``."""
    if _language is not None:
        return _language
    chosen = os.environ.get("HEGAO_LANG") or next(
        (os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), ""
    )
    return "en" if chosen.lower().startswith("en") else "zh"


def set_language(lang: str | None) -> None:
    global _language
    _language = lang if lang in ("zh", "en") else None


def language_from_argv(argv: list[str]) -> None:
    """Take ``--lang`` from the command line before the command line is parsed: the
    help texts are built in the language they will be shown in."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])


def text(message: str, /, **params: object) -> str:
    """The message ``message`` of the catalog in the user's language, filled in."""
    zh, en = CATALOG[message]
    return (en if language() == "en" else zh).format(**params)


def said(message: Message) -> str:
    """What a finding says (its message, a related place, a fix's title) in the user's
    language: the engine returns messages unrendered, each surface renders them here."""
    return message.render(language())
