package org.officialaccounts.registry;

/** The kinds of organisational unit in a ministry's tree. */
public enum UnitType {
  MINISTRY,
  LEADERSHIP_OFFICE,
  CENTRAL_DEPARTMENT,
  /** An education department, called an educational district in some ministries. */
  EDUCATION_DEPARTMENT,
  EDUCATION_OFFICE,
  SCHOOL,
  NEIGHBOURHOOD_CLUB,
  CULTURAL_ATTACHE,
  SCHOOL_ABROAD,
  AGENCY
}
