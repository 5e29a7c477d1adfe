package id.terpadu.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.terpadu.agency.AgencyMoveListener;
import id.terpadu.common.persistence.Records;

/**
 * An account's region follows its agency. When an agency moves, in the moving transaction: every account of the agency
 * lies in the new region (which decides who manages it), and an account whose region scope was exactly the agency's
 * region (a national agency's: national) is given the new region as its scope, so that a Polres liaison whose Polres
 * moves does not keep the old one. A scope that was anything else was set apart from the agency on purpose (a
 * province-wide one for a kabupaten's Polres, say) and stays as it is. Each changed account is a new version in its
 * history, by the person who moved the agency, with email and phone masked as always; a move that fails changes no
 * account.
 */
@ApplicationScoped
class AccountsFollowAgency implements AgencyMoveListener {

    private final AccountRepository accounts;
    private final Records records;

    AccountsFollowAgency(AccountRepository accounts, Records records) {
        this.accounts = accounts;
        this.records = records;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(UUID agencyId, String from, String to) {
        List<String> was = from == null ? List.of() : List.of(from);
        List<String> now = to == null ? List.of() : List.of(to);
        for (Account account : accounts.ofAgency(agencyId)) {
            account.regionCode = to;
            if (account.regionScope.equals(was)) {
                account.regionScope = new ArrayList<>(now);
            }
            records.updated(
                    account,
                    AccountService.ACCOUNT,
                    account.regionCode,
                    a -> AccountService.view(a, false),
                    AccountService::masked);
        }
    }
}
