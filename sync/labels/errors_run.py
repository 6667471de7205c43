"""What the rest of a run's errors say, en and zh: writing the history store and importing
into it (store/history.py), the action tracker's sync (flows/actions.py) and the Excel
add-in's build (addin/build.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- the history store (store/history.py) ---
    "err:store_read_only": (
        'The history store "{path}" was opened read-only; open it with Store.open(path) to import.',
        "历史数据库“{path}”是以只读方式打开的；要导入，请用 `Store.open(path)` 打开。",
    ),
    "err:store_write_failed": (
        'The history store "{path}" cannot be written: {reason}. Nothing from this run was '
        "stored; the store is as it was before. {fix}",
        "历史数据库“{path}”无法写入：{reason}。本次运行的内容都未写入，数据库保持原样。{fix}",
    ),
    "err:store_write_fix_space": (
        "Free some space on that disk (or move the workspace to a disk with room), then run "
        "the command again.",
        "请清理该磁盘的空间（或把工作区移到有空间的磁盘），然后重新运行命令。",
    ),
    "err:store_write_fix_disk": (
        "Check that the disk is writable and healthy, then run the command again.",
        "请检查该磁盘可以写入且没有故障，然后重新运行命令。",
    ),
    "err:store_overlap": (
        'Report "{file}" covers {lo}..{hi}, but rows imported from "{other}" cover '
        "{start}..{end} and cannot be split by day, so importing would count those days "
        "twice. Download the new report for the same date range as the old one, or both with "
        "the Daily time unit.",
        "报表“{file}”覆盖 {lo}..{hi}，但已从“{other}”导入的数据覆盖 {start}..{end}，"
        "且无法按天拆分，导入会把这些日期重复计算。请按旧报表的日期范围下载新报表，"
        "或两份都按“每日”时间单位下载。",
    ),
    # --- the action tracker (flows/actions.py) ---
    "err:actions_changed_meanwhile": (
        '"{where}" was changed while the sync was running, {n} times in a row, so it was not '
        "overwritten: nothing is lost. Run `fupan actions sync` again when nobody is saving "
        "it.",
        "同步期间“{where}”被连续修改了 {n} 次，因此没有覆盖它：没有任何内容丢失。"
        "请在没有人保存它时重新运行 `fupan actions sync`。",
    ),
    "err:actions_no_workbook": (
        '"{name}" does not exist; run `fupan sync` first.',
        "“{name}”不存在；请先运行 `fupan sync`。",
    ),
    # --- the Excel add-in (addin/build.py) ---
    "err:addin_xlwings": (
        "fupan's Excel add-in was built from {xlwings} {pinned}, but {xlwings} {installed} is "
        "installed; run `pip install xlwings=={pinned}`.",
        "fupan 的 Excel 加载项基于 {xlwings} {pinned} 构建，但当前安装的是 {xlwings} {installed}；"
        "请运行 `pip install xlwings=={pinned}`。",
    ),
    "err:addin_no_excel": (
        "Excel is not available on this system. Run `fupan excel build` and install "
        "fupan.xlam on Windows or a Mac (see docs/excel.md).",
        "本系统上没有 Excel。请运行 `fupan excel build`，再在 Windows 或 macOS 上安装 "
        "fupan.xlam（参见 docs/excel.md）。",
    ),
}
