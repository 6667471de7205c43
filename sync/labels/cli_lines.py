"""What the account and add-in commands print when they succeed, en and zh (`fupan auth`,
`fupan amazon`, `fupan excel`); the rest of the command line's words are in cli.py."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- fupan auth (Google) ---
    "cli_g_signed_in": (
        'Signed in. The login is saved in "{path}", readable by you only.',
        "已登录。登录信息保存在“{path}”，只有你本人可以读取。",
    ),
    "cli_g_share": (
        "Share each sheet fupan should edit with that Google account, as Editor.",
        "请把 fupan 要编辑的每张表格以“编辑者”身份共享给这个 Google 账号。",
    ),
    "cli_g_shared_with": (
        "Sheets must be shared (as Editor) with: {who}",
        "表格须以“编辑者”身份共享给：{who}",
    ),
    "cli_g_removed": (
        'Removed the saved Google login "{path}".',
        "已删除保存的 Google 登录“{path}”。",
    ),
    "cli_g_still_listed": (
        "Google still lists fupan under your account's third-party access until you remove "
        "it at {url}.",
        "在 {url} 移除之前，Google 仍会在你账号的第三方访问权限中列出 fupan。",
    ),
    "cli_g_none_saved": (
        'No saved Google login to remove ("{path}").',
        "没有可删除的已保存 Google 登录（“{path}”）。",
    ),
    # --- fupan amazon ---
    "cli_a_saved": (
        'Saved in "{path}", readable by you only.',
        "已保存到“{path}”，只有你本人可以读取。",
    ),
    "cli_a_removed": (
        'Removed "{path}". Revoke the apps in Seller Central and the Ads console if you no '
        "longer use them.",
        "已删除“{path}”。如果不再使用这些应用，请在 Seller Central 和广告控制台中撤销它们的授权。",
    ),
    "cli_a_none_saved": (
        'No saved Amazon credentials ("{path}").',
        "没有已保存的亚马逊凭证（“{path}”）。",
    ),
    # --- fupan excel ---
    "cli_x_wrote": (
        "Wrote {path}. See docs/excel.md to install it in Excel.",
        "已生成 {path}。在 Excel 中安装的方法见 docs/excel.md。",
    ),
    "cli_x_installed": (
        "Installed {path}. Restart Excel, then import the functions (docs/excel.md).",
        "已安装 {path}。请重启 Excel，然后导入函数（见 docs/excel.md）。",
    ),
}
