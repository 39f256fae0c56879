#pragma once
// Who may do what in the newsroom: the one table of roles and actions (docs/newsroom.md,
// "Roles"). Every screen and API call asks Allowed() before it acts. Pure, no I/O.
#include <optional>
#include <span>
#include <string_view>

namespace gazette::newsroom {

enum class Role { kAdmin, kEditor, kReporter, kModerator };

enum class Action {
  kWriteDraft,        // Start a story and save it as a draft.
  kEditOwnDraft,      // Change a draft one started.
  kEditAny,           // Change any story, in any state.
  kPublish,           // Publish now or schedule.
  kUnpublish,
  kCorrect,           // Add a correction or update note to a published story.
  kModerateComments,
  kManageUsers,       // Accounts, roles, API tokens.
  kSettings,          // Site name, footer lines, timestamp format.
  kViewAudit,
};

inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kEditor, Role::kReporter, Role::kModerator};
inline constexpr Action kAllActions[] = {
    Action::kWriteDraft, Action::kEditOwnDraft, Action::kEditAny,          Action::kPublish,    Action::kUnpublish,
    Action::kCorrect,    Action::kModerateComments, Action::kManageUsers, Action::kSettings, Action::kViewAudit};

// "admin", "editor", "reporter", "moderator".
std::string_view RoleName(Role role);
// Nothing for any other text.
std::optional<Role> ParseRole(std::string_view name);
// "write-draft", "edit-own-draft", ... (for the audit log and tests).
std::string_view ActionName(Action action);

bool Allowed(Role role, Action action);

// Whether someone may change a story: anyone with kEditAny; its owner, with kEditOwnDraft,
// while it is a draft.
bool MayEditStory(Role role, bool is_owner, bool is_draft);

}  // namespace gazette::newsroom
