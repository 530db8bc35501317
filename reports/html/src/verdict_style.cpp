#include "verdict_style.hpp"

namespace wsc::report::html::detail {

cell_look main_look(std::string_view b) {
    if (b == behavior::ok) return {"pass", "Pass"};
    if (b == behavior::non_strict) return {"nonstrict", "Non-Strict"};
    if (b == behavior::informational) return {"info", "Info"};
    if (b == behavior::unimplemented) return {"unimpl", "Unimplemented"};
    if (b == "NO_CLOSE") return {"noclose", "No Close"};
    return {"fail", "Fail"};
}

cell_look close_look(const case_result& r) {
    const auto& bc = r.behavior_close;
    const std::string code = r.close.remote_close_code ? std::to_string(*r.close.remote_close_code) : "OK";
    if (bc == behavior::ok) return {"c-ok", code};
    if (bc == behavior::failed_by_client) return {"c-fbc", code};
    if (bc == behavior::wrong_code) return {"c-wrong", code};
    if (bc == behavior::informational) return {"c-info", code};
    if (bc == behavior::unclean) return {"c-unclean", "Unclean"};
    return {"c-fail", "Fail"};
}

}  // namespace wsc::report::html::detail
