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



diesel::table! {
    programs (id) {
        id -> BigInt,
        school_id -> BigInt,
        title -> Text,
        academic_year -> Text,
        start_date -> Date,
        end_date -> Date,
        forms -> Text,
        coordinator_id -> Nullable<BigInt>,
        contact_name -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        goal -> Nullable<Text>,
        tasks -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        roadmap_version -> BigInt,
    }
}

diesel::table! {
    program_curators (id) {
        id -> BigInt,
        program_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    roadmap_activities (id) {
        id -> BigInt,
        program_id -> BigInt,
        stage_no -> Integer,
        position -> Integer,
        title -> Text,
        content -> Text,
        deadline -> Date,
        responsible_role -> Nullable<Text>,
        responsible_user_id -> Nullable<BigInt>,
        expected_result -> Nullable<Text>,
        status -> Text,
        result_note -> Nullable<Text>,
        evidence_order_number -> Nullable<Text>,
        evidence_order_date -> Nullable<Date>,
        evidence_link -> Nullable<Text>,
        completed_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    media_plan_items (id) {
        id -> BigInt,
        program_id -> BigInt,
        stage_no -> Integer,
        event -> Text,
        message -> Nullable<Text>,
        channel -> Nullable<Text>,
        form -> Nullable<Text>,
        deadline -> Date,
        responsible -> Nullable<Text>,
        status -> Text,
        published_url -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    roadmap_templates (id) {
        id -> BigInt,
        organization_id -> BigInt,
        items -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    participants (id) {
        id -> BigInt,
        school_id -> BigInt,
        external_id -> Nullable<Text>,
        kind -> Text,
        last_name -> Nullable<Text>,
        first_name -> Nullable<Text>,
        middle_name -> Nullable<Text>,
        search_key -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        notes -> Nullable<Text>,
        birth_year -> Nullable<Integer>,
        grade -> Nullable<Integer>,
        class_letter -> Nullable<Text>,
        user_id -> Nullable<BigInt>,
        disability -> Bool,
        difficult_life_situation -> Bool,
        behaviour_problems -> Bool,
        on_register -> Bool,
        erased_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> BigInt,
        participant_id -> BigInt,
        given_by -> Text,
        giver_name -> Nullable<Text>,
        scope -> Text,
        given_on -> Date,
        document_ref -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log_records (entry_id, first_id) {
        entry_id -> BigInt,
        first_id -> BigInt,
        last_id -> BigInt,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        organization_id -> BigInt,
        actor -> Text,
        action -> Text,
        entity -> Text,
        entity_id -> BigInt,
        detail -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    request_tags (id) {
        id -> BigInt,
        school_id -> Nullable<BigInt>,
        code -> Text,
        label -> Text,
    }
}

diesel::table! {
    program_mentees (id) {
        id -> BigInt,
        program_id -> BigInt,
        participant_id -> BigInt,
        categories -> Text,
        mentee_type -> Text,
        request_text -> Nullable<Text>,
        request_tags -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    program_mentors (id) {
        id -> BigInt,
        program_id -> BigInt,
        participant_id -> BigInt,
        contour -> Text,
        competencies -> Text,
        achievements -> Nullable<Text>,
        capacity -> Integer,
        application_received_on -> Nullable<Date>,
        interview_on -> Nullable<Date>,
        interview_outcome -> Nullable<Text>,
        interview_notes -> Nullable<Text>,
        training_status -> Text,
        training_completed_on -> Nullable<Date>,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        places_taken -> Integer,
    }
}

diesel::table! {
    import_jobs (id) {
        id -> BigInt,
        school_id -> BigInt,
        status -> Text,
        total -> BigInt,
        report -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        processed -> BigInt,
        progress_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pairing_settings (program_id) {
        program_id -> BigInt,
        weights -> Text,
        preference_limit -> Integer,
        allow_untrained_mentors -> Bool,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    preference_sheets (id) {
        id -> BigInt,
        program_id -> BigInt,
        side -> Text,
        chooser_id -> BigInt,
        attended_group_meeting -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    preference_ranks (sheet_id, chosen_id) {
        sheet_id -> BigInt,
        chosen_id -> BigInt,
        rank -> Integer,
    }
}

diesel::table! {
    pair_constraints (id) {
        id -> BigInt,
        program_id -> BigInt,
        mentor_id -> BigInt,
        mentee_id -> BigInt,
        kind -> Text,
        reason -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    matching_runs (id) {
        id -> BigInt,
        program_id -> BigInt,
        form -> Text,
        algorithm -> Text,
        objective -> Text,
        weights -> Text,
        inputs -> Text,
        stats -> Text,
        unmatched -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    matching_proposals (id) {
        id -> BigInt,
        run_id -> BigInt,
        mentor_id -> BigInt,
        mentee_id -> BigInt,
        score -> BigInt,
        locked -> Bool,
        role_model -> Nullable<Text>,
        contributions -> Text,
        pair_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    pairing_orders (id) {
        id -> BigInt,
        program_id -> BigInt,
        number -> Text,
        signed_on -> Date,
        signatory -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pairs (id) {
        id -> BigInt,
        program_id -> BigInt,
        form -> Text,
        role_model -> Nullable<Text>,
        mentor_id -> BigInt,
        goal -> Nullable<Text>,
        status -> Text,
        matching_run_id -> Nullable<BigInt>,
        order_id -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        outcome -> Nullable<Text>,
        summary -> Nullable<Text>,
    }
}

diesel::table! {
    program_reports (program_id) {
        program_id -> BigInt,
        report -> Text,
        frozen_at -> Timestamp,
    }
}

diesel::table! {
    pair_mentees (pair_id, mentee_id) {
        pair_id -> BigInt,
        mentee_id -> BigInt,
        form -> Text,
        live -> Bool,
    }
}

diesel::table! {
    pair_history (id) {
        id -> BigInt,
        pair_id -> BigInt,
        from_status -> Nullable<Text>,
        to_status -> Text,
        reason -> Nullable<Text>,
        actor -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    pair_plans (pair_id) {
        pair_id -> BigInt,
        goals -> Text,
        tasks -> Text,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    mentee_support (mentee_id) {
        mentee_id -> BigInt,
        notes -> Nullable<Text>,
        search_resumes_on -> Nullable<Date>,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    meetings (id) {
        id -> BigInt,
        pair_id -> BigInt,
        kind -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        format -> Text,
        link -> Nullable<Text>,
        place -> Nullable<Text>,
        topic -> Nullable<Text>,
        plan_task -> Nullable<Text>,
        status -> Text,
        cancelled_by -> Nullable<Text>,
        cancel_reason -> Nullable<Text>,
        notes -> Nullable<Text>,
        mentee_rating -> Nullable<Integer>,
        mentee_feedback -> Nullable<Text>,
        mentor_rating -> Nullable<Integer>,
        mentor_feedback -> Nullable<Text>,
        created_by -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    meeting_attendance (meeting_id, participant_id) {
        meeting_id -> BigInt,
        participant_id -> BigInt,
        present -> Bool,
    }
}

diesel::table! {
    meeting_settings (school_id) {
        school_id -> BigInt,
        quiet_after_days -> Integer,
        introduction_within_days -> Integer,
        version -> BigInt,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    calendar_feeds (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    survey_templates (id) {
        id -> BigInt,
        organization_id -> Nullable<BigInt>,
        code -> Text,
        version -> Integer,
        title -> Text,
        purpose -> Text,
        audience -> Text,
        form -> Nullable<Text>,
        questions -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    surveys (id) {
        id -> BigInt,
        program_id -> BigInt,
        template_id -> BigInt,
        phase -> Text,
        audience -> Text,
        opens_on -> Date,
        closes_on -> Date,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    survey_invitations (id) {
        id -> BigInt,
        survey_id -> BigInt,
        token_hash -> Text,
        participant_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        user_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    survey_responses (id) {
        id -> BigInt,
        survey_id -> BigInt,
        invitation_id -> Nullable<BigInt>,
        participant_id -> Nullable<BigInt>,
        answers -> Text,
        started_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    measurements (id) {
        id -> BigInt,
        program_id -> BigInt,
        participant_id -> BigInt,
        parameter -> Text,
        phase -> Text,
        value -> Double,
        measured_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    awards (id) {
        id -> BigInt,
        program_id -> BigInt,
        kind -> Text,
        participant_id -> Nullable<BigInt>,
        pair_id -> Nullable<BigInt>,
        addressee -> Nullable<Text>,
        title -> Text,
        wording -> Nullable<Text>,
        awarded_on -> Date,
        signatory -> Nullable<Text>,
        code -> Text,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
        created_by -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    practices (id) {
        id -> BigInt,
        school_id -> BigInt,
        region_id -> BigInt,
        program_id -> Nullable<BigInt>,
        pair_id -> Nullable<BigInt>,
        title -> Text,
        summary -> Text,
        body -> Text,
        form -> Text,
        role_model -> Nullable<Text>,
        author -> Text,
        search_key -> Text,
        status -> Text,
        review_note -> Nullable<Text>,
        submitted_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<Text>,
        created_by -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_periods (id) {
        id -> BigInt,
        organization_id -> BigInt,
        title -> Text,
        reference_date -> Date,
        opens_on -> Date,
        closes_on -> Date,
        age_from -> Integer,
        age_to -> Integer,
        status -> Text,
        snapshot_at -> Timestamp,
        created_by -> Text,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::table! {
    report_snapshots (period_id, school_id) {
        period_id -> BigInt,
        school_id -> BigInt,
        schema_version -> Integer,
        figures -> Text,
        taken_at -> Timestamp,
    }
}

// The dashboard's cache of each school's figures (reporting/figure_cache.rs).
diesel::table! {
    school_figure_versions (school_id) {
        school_id -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    school_figure_cache (school_id) {
        school_id -> BigInt,
        version -> BigInt,
        measured_on -> Date,
        figures -> Text,
    }
}

diesel::joinable!(programs -> organizations (school_id));
diesel::joinable!(program_curators -> programs (program_id));
diesel::joinable!(program_reports -> programs (program_id));
diesel::joinable!(roadmap_activities -> programs (program_id));
diesel::joinable!(media_plan_items -> programs (program_id));
diesel::joinable!(participants -> organizations (school_id));
diesel::joinable!(consents -> participants (participant_id));
diesel::joinable!(audit_log_records -> audit_log (entry_id));
diesel::joinable!(program_mentees -> participants (participant_id));
diesel::joinable!(program_mentors -> participants (participant_id));
diesel::joinable!(preference_ranks -> preference_sheets (sheet_id));
diesel::joinable!(matching_proposals -> matching_runs (run_id));
diesel::joinable!(pairs -> program_mentors (mentor_id));
diesel::joinable!(pair_mentees -> pairs (pair_id));
diesel::joinable!(pair_mentees -> program_mentees (mentee_id));
diesel::joinable!(pair_history -> pairs (pair_id));
diesel::joinable!(meetings -> pairs (pair_id));
diesel::joinable!(pairs -> programs (program_id));
diesel::joinable!(pairs -> pairing_orders (order_id));
diesel::joinable!(meeting_attendance -> meetings (meeting_id));
diesel::joinable!(surveys -> survey_templates (template_id));
diesel::joinable!(surveys -> programs (program_id));
diesel::joinable!(survey_invitations -> surveys (survey_id));
diesel::joinable!(survey_responses -> surveys (survey_id));
diesel::joinable!(awards -> programs (program_id));
diesel::joinable!(report_snapshots -> report_periods (period_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizations,
    contingent_age_groups,
    users,
    memberships,
    refresh_tokens,
    api_tokens,
    login_failures,
    idempotency_keys,
    programs,
    program_curators,
    program_reports,
    roadmap_activities,
    media_plan_items,
    roadmap_templates,
    participants,
    consents,
    audit_log,
    audit_log_records,
    request_tags,
    program_mentees,
    program_mentors,
    import_jobs,
    pairing_settings,
    preference_sheets,
    preference_ranks,
    pair_constraints,
    matching_runs,
    matching_proposals,
    pairing_orders,
    pairs,
    pair_mentees,
    pair_history,
    pair_plans,
    mentee_support,
    meetings,
    meeting_attendance,
    meeting_settings,
    calendar_feeds,
    survey_templates,
    surveys,
    survey_invitations,
    survey_responses,
    measurements,
    awards,
    practices,
    report_periods,
    report_snapshots,
    school_figure_versions,
    school_figure_cache,
);
