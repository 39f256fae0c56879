#include "newsroom/permissions.hpp"

namespace gazette::newsroom {
namespace {

struct Grant {
  Action action;
  bool admin, editor, reporter, moderator;
};

// The matrix. Admins run the whole site; editors own the stories; reporters write; moderators
// look after the comments.
constexpr Grant kGrants[] = {
    //                              admin  editor reporter moderator
    {Action::kWriteDraft,           true,  true,  true,    false},
    {Action::kEditOwnDraft,         true,  true,  true,    false},
    {Action::kEditAny,              true,  true,  false,   false},
    {Action::kPublish,              true,  true,  false,   false},
    {Action::kUnpublish,            true,  true,  false,   false},
    {Action::kCorrect,              true,  true,  false,   false},
    {Action::kModerateComments,     true,  false, false,   true},
    {Action::kManageUsers,          true,  false, false,   false},
    {Action::kSettings,             true,  false, false,   false},
    {Action::kViewAudit,            true,  false, false,   false},
};

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kEditor: return "editor";
    case Role::kReporter: return "reporter";
    case Role::kModerator: return "moderator";
  }
  return "reporter";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kAllRoles)
    if (RoleName(role) == name) return role;
  return std::nullopt;
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kWriteDraft: return "write-draft";
    case Action::kEditOwnDraft: return "edit-own-draft";
    case Action::kEditAny: return "edit-any";
    case Action::kPublish: return "publish";
    case Action::kUnpublish: return "unpublish";
    case Action::kCorrect: return "correct";
    case Action::kModerateComments: return "moderate-comments";
    case Action::kManageUsers: return "manage-users";
    case Action::kSettings: return "settings";
    case Action::kViewAudit: return "view-audit";
  }
  return "";
}

bool Allowed(Role role, Action action) {
  for (const auto& grant : kGrants) {
    if (grant.action != action) continue;
    switch (role) {
      case Role::kAdmin: return grant.admin;
      case Role::kEditor: return grant.editor;
      case Role::kReporter: return grant.reporter;
      case Role::kModerator: return grant.moderator;
    }
  }
  return false;
}

bool MayEditStory(Role role, bool is_owner, bool is_draft) {
  return Allowed(role, Action::kEditAny) || (Allowed(role, Action::kEditOwnDraft) && is_owner && is_draft);
}

}  // namespace gazette::newsroom
