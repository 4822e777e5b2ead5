package org.relata.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.relata.web.ApiException;

@ApplicationScoped
public class UserService {

    @Transactional
    public User create(String username, String password, boolean admin) {
        if (User.byUsername(username).isPresent()) {
            throw ApiException.conflictOn("A user named '" + username + "' exists already.", "$.username");
        }
        User user = new User();
        user.username = username;
        user.admin = admin;
        user.setPassword(password);
        user.persist();
        return user;
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("No such user."));
        user.enabled = enabled;
    }

    @Transactional
    public void changePassword(long userId, String password) {
        User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("No such user."));
        user.setPassword(password);
    }
}
