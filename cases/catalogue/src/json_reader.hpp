#pragma once
// A thin strict reader over nlohmann::json that remembers where it is, so every complaint can
// say "<file>: <key path>: <problem>". Objects track which keys were read; done() rejects the rest.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace wsc::catalogue::detail {

class Node {
public:
    Node(const nlohmann::json& value, std::string path, const std::string& file)
        : value_(&value), path_(std::move(path)), file_(&file) {}

    const nlohmann::json& json() const { return *value_; }
    const std::string& path() const { return path_; }
    const std::string& file() const { return *file_; }

    [[noreturn]] void fail(const std::string& problem) const;

    std::string string() const;
    std::string nonempty_string() const;
    bool boolean() const;
    std::int64_t integer(std::int64_t min, std::int64_t max) const;
    double number(double min, double max) const;
    std::vector<Node> array() const;
    std::vector<std::string> string_array() const;

    Node child(std::string_view key) const;   // path of an object member
    Node element(std::size_t index) const;    // path of an array element

private:
    [[noreturn]] void wrong_type(std::string_view expected) const;

    const nlohmann::json* value_;
    std::string path_;
    const std::string* file_;
};

class Object {
public:
    explicit Object(const Node& node);

    Node required(std::string_view key);
    std::optional<Node> optional(std::string_view key);
    bool has(std::string_view key) const;
    // Marks a key as known without reading it (accepted-but-ignored keys).
    void ignore(std::string_view key);
    // Every member, marking all as read: for maps with free-form keys.
    std::vector<std::pair<std::string, Node>> members();
    // Fails on the first key that was never read, naming it.
    void done() const;

    const Node& node() const { return node_; }

private:
    Node node_;
    std::set<std::string, std::less<>> used_;
};

std::string type_name(const nlohmann::json& value);

// Parses a file, turning a syntax error into CatalogueError(file, "(root)", ...).
nlohmann::json parse_file(const std::string& file);

}  // namespace wsc::catalogue::detail
