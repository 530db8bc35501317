#include "json_node.hpp"

namespace wsc::tables {
namespace {

// RFC 6901 escaping, so a pointer can be pasted into any JSON tool.
std::string escape_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string type_name(const nlohmann::json& j) { return j.type_name(); }

}  // namespace

table_error::table_error(std::string file, std::string pointer, std::string problem)
    : std::runtime_error(file + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " + problem),
      file_(std::move(file)),
      pointer_(std::move(pointer)),
      problem_(std::move(problem)) {}

void json_node::fail(const std::string& problem) const { throw table_error(file_, pointer_, problem); }

bool json_node::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

json_node json_node::at(std::string_view key) const {
    if (!value_->is_object()) fail("expected an object with key \"" + std::string(key) + "\", found " + type_name(*value_));
    auto it = value_->find(key);
    if (it == value_->end()) fail("missing required key \"" + std::string(key) + "\"");
    return json_node(*it, file_, pointer_ + "/" + escape_token(key));
}

std::optional<json_node> json_node::find(std::string_view key) const {
    if (!value_->is_object()) return std::nullopt;
    auto it = value_->find(key);
    if (it == value_->end()) return std::nullopt;
    return json_node(*it, file_, pointer_ + "/" + escape_token(key));
}

std::size_t json_node::size() const {
    if (!value_->is_array()) fail("expected an array, found " + type_name(*value_));
    return value_->size();
}

json_node json_node::operator[](std::size_t i) const {
    if (!value_->is_array() || i >= value_->size()) fail("no element " + std::to_string(i));
    return json_node((*value_)[i], file_, pointer_ + "/" + std::to_string(i));
}

void json_node::allow_only(std::initializer_list<std::string_view> keys) const {
    if (!value_->is_object()) fail("expected an object, found " + type_name(*value_));
    for (const auto& [k, v] : value_->items()) {
        bool known = false;
        for (auto allowed : keys) known = known || k == allowed;
        if (!known) {
            std::string list;
            for (auto allowed : keys) list += (list.empty() ? "" : ", ") + std::string(allowed);
            json_node(v, file_, pointer_ + "/" + escape_token(k)).fail("unknown key \"" + k + "\" (allowed: " + list + ")");
        }
    }
}

std::string json_node::as_string() const {
    if (!value_->is_string()) fail("expected a string, found " + type_name(*value_));
    return value_->get<std::string>();
}

bool json_node::as_bool() const {
    if (!value_->is_boolean()) fail("expected true or false, found " + type_name(*value_));
    return value_->get<bool>();
}

std::uint64_t json_node::as_uint(std::uint64_t max) const {
    if (!value_->is_number_unsigned()) fail("expected a non-negative integer, found " + value_->dump());
    const auto v = value_->get<std::uint64_t>();
    if (v > max) fail("value " + std::to_string(v) + " exceeds the maximum " + std::to_string(max));
    return v;
}

}  // namespace wsc::tables
