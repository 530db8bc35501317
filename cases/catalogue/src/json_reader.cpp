#include "json_reader.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "wsc/catalogue/error.hpp"

namespace wsc::catalogue::detail {

std::string type_name(const nlohmann::json& value) {
    if (value.is_number_integer()) return "integer";
    if (value.is_number_float()) return "non-integer number";
    return value.type_name();
}

void Node::fail(const std::string& problem) const { throw CatalogueError(*file_, path_, problem); }

void Node::wrong_type(std::string_view expected) const {
    fail("expected " + std::string(expected) + ", got " + type_name(*value_));
}

std::string Node::string() const {
    if (!value_->is_string()) wrong_type("a string");
    return value_->get<std::string>();
}

std::string Node::nonempty_string() const {
    std::string s = string();
    if (s.empty()) fail("must not be empty");
    return s;
}

bool Node::boolean() const {
    if (!value_->is_boolean()) wrong_type("true or false");
    return value_->get<bool>();
}

std::int64_t Node::integer(std::int64_t min, std::int64_t max) const {
    if (!value_->is_number_integer()) wrong_type("an integer");
    const std::string range = " is outside " + std::to_string(min) + ".." + std::to_string(max);
    if (value_->is_number_unsigned()) {
        const auto u = value_->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max)) fail("value " + std::to_string(u) + range);
        if (static_cast<std::int64_t>(u) < min) fail("value " + std::to_string(u) + range);
        return static_cast<std::int64_t>(u);
    }
    const auto v = value_->get<std::int64_t>();
    if (v < min || v > max) fail("value " + std::to_string(v) + range);
    return v;
}

double Node::number(double min, double max) const {
    if (!value_->is_number()) wrong_type("a number");
    double v = value_->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        std::ostringstream msg;
        msg << "value " << v << " is outside " << min << ".." << max;
        fail(msg.str());
    }
    return v;
}

std::vector<Node> Node::array() const {
    if (!value_->is_array()) wrong_type("an array");
    std::vector<Node> out;
    out.reserve(value_->size());
    for (std::size_t i = 0; i < value_->size(); ++i) out.push_back(element(i));
    return out;
}

std::vector<std::string> Node::string_array() const {
    std::vector<std::string> out;
    for (const Node& n : array()) out.push_back(n.string());
    return out;
}

Node Node::child(std::string_view key) const {
    std::string p = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    return Node(value_->at(std::string(key)), std::move(p), *file_);
}

Node Node::element(std::size_t index) const {
    return Node((*value_)[index], path_ + "[" + std::to_string(index) + "]", *file_);
}

Object::Object(const Node& node) : node_(node) {
    if (!node.json().is_object()) node.fail("expected an object, got " + type_name(node.json()));
}

bool Object::has(std::string_view key) const { return node_.json().contains(std::string(key)); }

Node Object::required(std::string_view key) {
    if (!has(key)) node_.fail("missing required key '" + std::string(key) + "'");
    used_.emplace(key);
    return node_.child(key);
}

std::optional<Node> Object::optional(std::string_view key) {
    if (!has(key)) return std::nullopt;
    used_.emplace(key);
    return node_.child(key);
}

void Object::ignore(std::string_view key) { used_.emplace(key); }

std::vector<std::pair<std::string, Node>> Object::members() {
    std::vector<std::pair<std::string, Node>> out;
    for (const auto& item : node_.json().items()) {
        used_.insert(item.key());
        out.emplace_back(item.key(), node_.child(item.key()));
    }
    return out;
}

void Object::done() const {
    for (const auto& item : node_.json().items()) {
        if (!used_.contains(item.key())) {
            std::string p = node_.path().empty() ? item.key() : node_.path() + "." + item.key();
            throw CatalogueError(node_.file(), p, "unknown key '" + item.key() + "'");
        }
    }
}

nlohmann::json parse_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CatalogueError(file, "", "cannot open file");
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw CatalogueError(file, "", std::string("invalid JSON: ") + e.what());
    }
}

}  // namespace wsc::catalogue::detail
