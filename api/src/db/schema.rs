// One schema for both databases: portable types only (see DESIGN.md, "One binary, two databases").

diesel::table! {
    organizations (id) {
        id -> BigInt,
        kind -> Text,
        parent_id -> Nullable<BigInt>,
        name -> Text,
        short_name -> Nullable<Text>,
        slug -> Text,
        time_zone -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contingent_age_groups (id) {
        id -> BigInt,
        organization_id -> BigInt,
        reference_date -> Date,
        age -> Integer,
        students -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        full_name -> Text,
        search_key -> Text,
        password_hash -> Text,
        is_system_admin -> Bool,
        is_active -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        user_id -> BigInt,
        organization_id -> BigInt,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        organization_id -> BigInt,
        name -> Text,
        prefix -> Text,
        token_hash -> Text,
        scopes -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        email -> Text,
        address -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> BigInt,
        owner -> Text,
        idem_key -> Text,
        request_hash -> Text,
        status_code -> Nullable<Integer>,
        location -> Nullable<Text>,
        response_body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(contingent_age_groups -> organizations (organization_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organizations (organization_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(api_tokens -> organizations (organization_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizations,
    contingent_age_groups,
    users,
    memberships,
    refresh_tokens,
    api_tokens,
    login_failures,
    idempotency_keys,
);
