//! The school website (DOMAIN.md, "The school website"; seed 002): the page «Информация о
//! реализации целевой модели наставничества» as public data, and the widget that shows it on the
//! school's own site. Nothing about a person reaches it but the adult contact the school names.

pub mod definitions;
pub mod dto;
pub mod routes;
pub mod store;
pub mod suppress;
pub mod widget;
