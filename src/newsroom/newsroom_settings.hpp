#pragma once
// The newsroom's settings ([newsroom] in the config file; docs/newsroom.md).
#include <chrono>

namespace gazette::newsroom {

struct NewsroomSettings {
  // A session unused this long ends; a newsroom tab left open over lunch should not stay in.
  std::chrono::seconds session_idle{std::chrono::hours(2)};
  // Every session ends this long after sign-in, used or not: a stolen cookie is worth a day.
  std::chrono::seconds session_absolute{std::chrono::hours(12)};
  // After this many failed sign-ins in a row, each further try must wait (1 s, 2 s, 4 s...).
  int slow_after = 3;
  // After this many, the account is locked for lock_for; a success resets the count.
  int lock_after = 10;
  std::chrono::seconds lock_for{std::chrono::minutes(15)};
  // Cookies get Secure: set by app/ when the site's base_url is https.
  bool secure_cookies = false;
  int page_size = 25;  // Stories per page in the story list.
};

}  // namespace gazette::newsroom
