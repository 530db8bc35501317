// Reads the JSON tables into table_rows. A table that does not follow the schema
// (README.md) is reported as a table_error naming the file, the JSON pointer of
// the offending value and the problem; nothing is guessed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "table_model.hpp"

namespace wsc::tables {

// One file. `display_name` is what errors and rows call the file.
std::vector<table_row> load_table_file(const std::filesystem::path& path, const std::string& display_name);

struct table_set {
    std::vector<table_row> rows;
    std::vector<std::string> errors;  // one per file that failed to load, or duplicate id
};

// Every *.json below `dir`, in path order. Errors are collected, not thrown, so a
// broken file shows up as one failing test instead of aborting discovery.
table_set load_tables(const std::filesystem::path& dir);

}  // namespace wsc::tables
