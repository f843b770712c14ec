package dev.erasmo.store;

/** Runs the store contract against {@link InMemoryPortfolioStore}. */
class InMemoryPortfolioStoreTest extends PortfolioStoreContract {

    @Override
    protected PortfolioStore newStore() {
        return new InMemoryPortfolioStore();
    }
}
