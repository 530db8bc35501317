// A JSON value together with where it sits (file and JSON pointer), so that every
// complaint about a table names the file, the key path and the problem.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace wsc::tables {

class table_error : public std::runtime_error {
public:
    table_error(std::string file, std::string pointer, std::string problem);
    const std::string& file() const noexcept { return file_; }
    const std::string& pointer() const noexcept { return pointer_; }
    const std::string& problem() const noexcept { return problem_; }

private:
    std::string file_, pointer_, problem_;
};

class json_node {
public:
    json_node(const nlohmann::json& value, std::string file, std::string pointer)
        : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

    const nlohmann::json& value() const noexcept { return *value_; }
    const std::string& file() const noexcept { return file_; }
    const std::string& pointer() const noexcept { return pointer_; }

    [[noreturn]] void fail(const std::string& problem) const;

    bool is_object() const noexcept { return value_->is_object(); }
    bool is_array() const noexcept { return value_->is_array(); }
    bool is_string() const noexcept { return value_->is_string(); }
    bool is_null() const noexcept { return value_->is_null(); }
    bool has(std::string_view key) const;

    // Member access; `at` fails when the key is missing or this is not an object.
    json_node at(std::string_view key) const;
    std::optional<json_node> find(std::string_view key) const;
    // Element access for arrays.
    std::size_t size() const;
    json_node operator[](std::size_t i) const;

    // Typos in a table must not pass silently: every key has to be one we read.
    void allow_only(std::initializer_list<std::string_view> keys) const;

    std::string as_string() const;
    bool as_bool() const;
    std::uint64_t as_uint(std::uint64_t max = UINT64_MAX) const;

private:
    const nlohmann::json* value_;
    std::string file_, pointer_;
};

}  // namespace wsc::tables
