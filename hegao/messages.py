"""The words hegao says to a user, in Chinese and in English: one place for each.

Chinese unless asked otherwise: ``--lang en``, ``HEGAO_LANG=en``, or an English locale
(``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` starting with ``en``). A test checks that every
message exists in both languages with the same placeholders.
"""

from __future__ import annotations

import os

# key: (Chinese, English). Placeholders in braces, the same in both.
CATALOG: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
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
        "not UTF-8 or GB18030 text{hint}: invalid byte at offset {offset}",
    ),
    "looks_like": ("（像是 {encoding}）", " (looks like {encoding})"),
    "not_utf8": (
        "不是 UTF-8 文本：第 {offset} 字节无法识别",
        "not UTF-8 text: invalid byte at offset {offset}",
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
    "cfg_cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "cfg_not_a_table": ("[tool.hegao] 应为一个表", "[tool.hegao] must be a table"),
    "cfg_unknown_key": ("未知的配置项 {key}（可用：{known}）", "unknown key {key} (known: {known})"),
    "cfg_positive_number": (
        "{key} 应为正数（MB），而不是 {value}",
        "{key} must be a positive number (megabytes), not {value}",
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


def text(message: str, /, **params: object) -> str:
    """The message ``message`` of the catalog in the user's language, filled in."""
    zh, en = CATALOG[message]
    return (en if language() == "en" else zh).format(**params)
