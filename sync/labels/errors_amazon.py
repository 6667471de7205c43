"""What the Amazon pulls' errors say, en and zh (sync/amazon/: credentials, login, Login with
Amazon, the HTTP client, SP-API, Ads API, the pull ledger). API, operation and environment
variable names are values: they stay as Amazon and the shell spell them."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # --- credentials (credentials.py, login.py) ---
    "err:a_readme": ('the README section "{section}"', "说明文档 README 中的“{section}”一节"),
    "err:a_no_sp": (
        "No Selling Partner API credentials are set up. Run `fupan amazon login`, or set "
        "{names}; see {readme}.",
        "尚未设置卖家 API（SP-API）凭证。请运行 `fupan amazon login`，"
        "或设置 {names}；参见{readme}。",
    ),
    "err:a_bad_profiles": (
        '"{part}" is not MARKETPLACE=PROFILE_ID (e.g. US=1234567890); check {env} or '
        "--ads-profile.",
        "“{part}”不是 站点=配置文件ID 的格式（例如 US=1234567890）；"
        "请检查 {env} 或 --ads-profile。",
    ),
    "err:a_env_partial": (
        "Set {missing} as well, or none of {names}.",
        "请同时设置 {missing}，或者 {names} 都不设置。",
    ),
    "err:a_saved_unreadable": (
        'The saved Amazon credentials "{file}" are unreadable: run `fupan amazon logout`, '
        "then `fupan amazon login`.",
        "已保存的亚马逊凭证“{file}”无法读取：请先运行 `fupan amazon logout`，"
        "再运行 `fupan amazon login`。",
    ),
    "err:a_give_an_app": (
        "Give the SP-API app (client id, secret, refresh token), the Ads API app, or both.",
        "请提供 SP-API 应用（客户端 ID、密钥、刷新令牌）、Ads API 应用，或两者都提供。",
    ),
    "err:a_profiles_need_ads": (
        "Ads profiles need the Ads API app: give it too.",
        "广告配置文件需要 Ads API 应用：请一并提供。",
    ),
    "err:a_no_such_profile": (
        "The Ads account has no profile {profile} for {code}. Profiles it has: {listing}.",
        "该广告账户在 {code} 没有配置文件 {profile}。它有的配置文件：{listing}。",
    ),
    "err:a_profiles_none": ("none", "无"),
    "err:a_choose_profile": (
        "The Ads account has {n} profiles for {code}: {listing}. Choose one with "
        "--ads-profile {code}=PROFILE_ID.",
        "该广告账户在 {code} 有 {n} 个配置文件：{listing}。请用 --ads-profile {code}=PROFILE_ID "
        "选择一个。",
    ),
    # --- Login with Amazon (lwa.py) ---
    "err:a_token_refused": (
        "{lwa} refused the {which} refresh token of app {app} ({said}). It was "
        "revoked or belongs to another app: run `fupan amazon login` again.",
        "{lwa} 拒绝了应用 {app} 的 {which} 刷新令牌（{said}）。令牌已被撤销，"
        "或属于另一个应用：请重新运行 `fupan amazon login`。",
    ),
    "err:a_no_token": (
        "{lwa} answered without an access token ({said}). Run `fupan amazon login` again.",
        "{lwa} 的回复中没有访问令牌（{said}）。请重新运行 `fupan amazon login`。",
    ),
    # --- the HTTP client (http.py) ---
    "err:a_rate_budget": (
        "Amazon's rate limit for {op} would make this pull wait {wait:.0f} s more; the rest "
        "is requested on the next pull.",
        "受亚马逊对 {op} 的限速影响，本次拉取还需再等 {wait:.0f} 秒；其余报告将在下次拉取时请求。",
    ),
    "err:a_no_answer": (
        "{api} did not answer {op} after {attempts} attempts ({error}). Check the network "
        "connection and pull again.",
        "{api} 在 {attempts} 次尝试后仍未回应 {op}（{error}）。请检查网络连接后重新拉取。",
    ),
    "err:a_refused_auth": (
        "{api} refused {op} ({status}: {said}). The app may lack the role for this report, or "
        "its authorisation was revoked: run `fupan amazon login` again.",
        "{api} 拒绝了 {op}（{status}：{said}）。该应用可能没有此报告所需的角色权限，或授权已被撤销"
        "："
        "请重新运行 `fupan amazon login`。",
    ),
    "err:a_throttled": (
        "{api} kept answering {status} to {op} ({said}) after {attempts} attempts. Amazon is "
        "throttling or unavailable; pull again later.",
        "{api} 在 {attempts} 次尝试后对 {op} 仍回复 {status}（{said}）。亚马逊正在限流或暂时不可用"
        "；"
        "请稍后重新拉取。",
    ),
    "err:a_refused": (
        "{api} refused {op} ({status}: {said}).",
        "{api} 拒绝了 {op}（{status}：{said}）。",
    ),
    # --- reports and documents (sp_api.py, ads_api.py, document.py) ---
    "err:a_not_json": (
        "SP-API answered {op} with something that is not JSON; pull again later.",
        "SP-API 对 {op} 的回复不是 JSON；请稍后重新拉取。",
    ),
    "err:a_sp_unknown_status": (
        'SP-API reported an unknown status "{raw}" for report {report}.',
        "SP-API 报告 {report} 的状态“{raw}”无法识别。",
    ),
    "err:a_no_document": (
        "Report {report} has no document to download.",
        "报告 {report} 没有可下载的文件。",
    ),
    "err:a_ads_busy": (
        "Amazon Ads API: {body}. Pull again later.",
        "Amazon Ads API：{body}。请稍后重新拉取。",
    ),
    "err:a_ads_unknown_status": (
        'Amazon Ads API reported an unknown status "{raw}".',
        "Amazon Ads API 返回了无法识别的状态“{raw}”。",
    ),
    "err:a_ads_no_address": (
        "Ads report {report} has no download address.",
        "广告报告 {report} 没有下载地址。",
    ),
    "err:a_gzip_cut": (
        "A report document that starts like {fmt} could not be decompressed: the download was "
        "cut short. Pull again; the report is downloaded anew.",
        "一份以 {fmt} 开头的报告文件无法解压：下载中途被截断。请重新拉取；报告会重新下载。",
    ),
    # --- the pull ledger (ledger.py) ---
    "err:a_ledger_unreadable": (
        'The pull ledger "{file}" is unreadable ({error}). Rename it and pull again: reports '
        "still pending at Amazon will be requested anew.",
        "拉取记录“{file}”无法读取（{error}）。"
        "请把它改名后重新拉取：仍在亚马逊排队的报告会重新请求。",
    ),
    "err:a_ledger_version": (
        'The pull ledger "{file}" is of another fupan version; rename it and pull again.',
        "拉取记录“{file}”来自另一个版本的 fupan；请把它改名后重新拉取。",
    ),
}
