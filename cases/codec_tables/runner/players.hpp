// The players: each feeds one row to the codec in one chunking and reports every
// difference between what the row expects and what happened as a GoogleTest
// failure (all of them, not just the first, as h2spec reports Expected vs Actual).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chunking.hpp"
#include "table_model.hpp"
#include "wsc/endpoint.hpp"
#include "wsc/events.hpp"

namespace wsc::tables {

void play_endpoint(const endpoint_case& c, const chunking& how);
void play_server_handshake(const server_handshake_case& c, const chunking& how);
void play_client_handshake(const client_handshake_case& c, const chunking& how);
void play_writer(const writer_case& c, const chunking& how);


void run_actions(endpoint& ep, const std::vector<endpoint_action>& actions, const char* when);
// Both octet strings in hex and where they part.
std::string first_difference(std::string_view want, std::string_view got);

// Readable one-line forms, for failure messages.
std::string describe(const expected_event& e);
std::string describe(const event& e);
bool matches(const expected_event& want, const event& got);
std::string describe(const std::optional<deflate_params>& p);

}  // namespace wsc::tables
