"""click's own error messages (a mistyped option, a missing argument, a bad value), en and
zh. The English is click's text exactly as click writes it (its gettext source strings):
sync/cli/usage.py reads a message click made by matching it against these, and says it
again in Chinese with the same values."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "click:error": ("Error: {message}", "错误：{message}"),
    "click:try_help": ("Try '{command} {option}' for help.", "运行“{command} {option}”查看帮助。"),
    "click:no_such_option": ("No such option {name!r}.", "没有“{name}”这个选项。"),
    "click:no_such_command": ("No such command {name!r}.", "没有“{name}”这个命令。"),
    "click:did_you_mean_one": ("Did you mean {possibility}?", "是否想输入 {possibility}？"),
    "click:did_you_mean_any": (
        "(Did you mean one of: {possibilities}?)",
        "（是否想输入其中之一：{possibilities}？）",
    ),
    "click:missing_argument": ("Missing argument {hint}.", "缺少参数 {hint}。"),
    "click:missing_option": ("Missing option {hint}.", "缺少选项 {hint}。"),
    "click:missing_parameter": ("Missing parameter {hint}.", "缺少参数 {hint}。"),
    "click:missing_command": ("Missing command.", "缺少命令。"),
    "click:choose_from": ("Choose from:\n\t{choices}", "可选：\n\t{choices}"),
    "click:invalid_value_for": (
        "Invalid value for {param_hint}: {message}",
        "{param_hint} 的值无效：{message}",
    ),
    "click:invalid_value": ("Invalid value: {message}", "值无效：{message}"),
    "click:extra_arguments": (
        "Got unexpected extra arguments ({args})",
        "多出了无法识别的参数（{args}）",
    ),
    "click:extra_argument": (
        "Got unexpected extra argument ({args})",
        "多出了无法识别的参数（{args}）",
    ),
    "click:requires_arguments": (
        "Option {name!r} requires {nargs} arguments.",
        "选项“{name}”后面需要 {nargs} 个值。",
    ),
    "click:requires_argument": (
        "Option {name!r} requires an argument.",
        "选项“{name}”后面需要一个值。",
    ),
    "click:takes_no_value": ("Option {name!r} does not take a value.", "选项“{name}”不接受值。"),
    "click:not_one_of": ("{value!r} is not one of {choices}.", "“{value}”不是 {choices} 之一。"),
    "click:not_choice": ("{value!r} is not {choice}.", "“{value}”不是 {choice}。"),
    "click:not_formats": (
        "{value!r} does not match the formats {formats}.",
        "“{value}”不符合以下任一格式：{formats}。",
    ),
    "click:not_format": (
        "{value!r} does not match the format {format}.",
        "“{value}”不符合格式 {format}。",
    ),
    "click:not_in_range": ("{value} is not in the range {range}.", "{value} 不在 {range} 范围内。"),
    "click:not_a_boolean": (
        "{value!r} is not a valid boolean. Recognized values: {states}",
        "“{value}”不是有效的是/否值。可用的值：{states}",
    ),
    "click:not_a_number": ("{value!r} is not a valid {number_type}.", "“{value}”不是有效的数字。"),
    "click:path_missing": ("{name} {filename!r} does not exist.", "“{filename}”不存在。"),
    "click:path_is_file": ("{name} {filename!r} is a file.", "“{filename}”是文件，不是文件夹。"),
    "click:path_is_dir": (
        "{name} {filename!r} is a directory.",
        "“{filename}”是文件夹，不是文件。",
    ),
    "click:path_unreadable": ("{name} {filename!r} is not readable.", "“{filename}”无法读取。"),
    "click:path_unwritable": ("{name} {filename!r} is not writable.", "“{filename}”无法写入。"),
    "click:cannot_open": (
        "Could not open file {filename!r}: {message}",
        "无法打开文件“{filename}”：{message}",
    ),
    "click:aborted": ("Aborted!", "已中止。"),
}
