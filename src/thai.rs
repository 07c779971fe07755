//! Thai digits, dates.
