/** Does this person of this municipality exist, is the password right, which groups: the directory API govroam's RADIUS service asks. */
package nl.govroam.ldap;
